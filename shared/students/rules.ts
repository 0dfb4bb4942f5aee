import type { Track } from '#contract/organisations';
import type { Placement, StudentInput, StudentStatus } from '#contract/students';

/** A student as stored; the national register number only ever encrypted. */
export interface StoredStudent extends Omit<StudentInput, 'nationalNumber'> {
  id: string;
  schoolId: string;
  schoolName: string;
  nationalNumberEncrypted: string;
  nationalNumberLast2: string;
  /** Keyed hash of the national register number: finds the same person without storing the number. */
  nationalNumberHash?: string;
  /** Raised by every edit; writes that must not act on a stale read are conditional on it. */
  version?: number;
  registeredAt: string;
  updatedAt: string;
  /** When services may first see the student (later than registeredAt in the summer blackout). */
  visibleFrom: string;
  placement?: Placement;
  stoppedAt?: string;
  /**
   * Adult education: the date that selects the student's window (`#school-year/rules` →
   * `windowDateOf`), set when the school enters or edits the student. Absent on students stored
   * before windows were assigned: their first period's start selects.
   */
  windowDate?: string;
}

export const statusOf = (s: Pick<StoredStudent, 'placement' | 'stoppedAt'>): StudentStatus =>
  s.stoppedAt ? 'stopped' : s.placement ? 'accepted' : 'open';

/** The sector's status: open, placed, stopped, or open but still hidden by the summer blackout. */
export function sectorStatusOf(s: Pick<StoredStudent, 'placement' | 'stoppedAt' | 'visibleFrom'>, now: Date) {
  const status = statusOf(s);
  return status === 'open' && new Date(s.visibleFrom) > now ? ('hidden' as const) : status;
}

export const trackAllowed = (tracks: Track[] | undefined, track: Track) => (tracks ?? []).includes(track);

/**
 * The start of a student's earliest period: adult-education windows select their students by it.
 * The store writes it beside the student, so the open index can filter on it.
 */
export const firstPeriodStart = (periods: readonly { start: string }[]): string | undefined =>
  periods.map((p) => p.start).sort()[0];

/** What the open index selects an adult window on: the assigned window's date, else the first start. */
export const selectingStart = (s: Pick<StoredStudent, 'windowDate' | 'internship'>) =>
  s.windowDate ?? firstPeriodStart(s.internship.periods);
