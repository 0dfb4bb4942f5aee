import type { Organisation } from '#contract/organisations';
import type { StoredStudent } from '#contract/students';

export const PHASES = ['closed', 'preferred', 'all'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Whether a service may see a student, the rule of the rounds:
 * - the service that accepted the student always does, and only it once accepted;
 * - stopped students and students still inside the summer blackout are never open to others;
 * - `closed`: nobody else; `preferred`: services of the student's chosen province that the student
 *   chose as preferred; `all`: every service.
 */
export function serviceMaySee(
  student: Pick<StoredStudent, 'placement' | 'stoppedAt' | 'visibleFrom' | 'province' | 'preferredServiceId'>,
  service: Pick<Organisation, 'id' | 'province'>,
  phase: Phase,
  now: Date,
): boolean {
  if (student.placement) return student.placement.serviceId === service.id;
  if (student.stoppedAt || new Date(student.visibleFrom) > now) return false;
  if (phase === 'all') return true;
  if (phase === 'preferred')
    return student.province === service.province && student.preferredServiceId === service.id;
  return false;
}

/** Personal data goes only to the service that accepted the student. */
export const maySeePersonalData = (student: Pick<StoredStudent, 'placement'>, serviceId: string) =>
  student.placement?.serviceId === serviceId;
