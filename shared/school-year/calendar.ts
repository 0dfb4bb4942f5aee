import type { ReminderCadence, Round } from '#contract/school-year';
import { brusselsToInstant } from '#kernel/time';
import year2026 from './2026-2027.json';

/**
 * The dates of a school year. They are data (shared/school-year/<year>.json), not code: a new
 * school year is a new file, reviewed like any change.
 */
export interface SchoolYearData {
  schoolYear: string;
  timeZone: string;
  blackout: { from: string; to: string; visibleFrom: string };
  /** When reminders go out while a round is open. */
  reminders: ReminderCadence;
  /** The rounds as shipped; the admin edits the stored copy (seeded from these on first use). */
  rounds: Round[];
}

export interface Blackout {
  from: Date;
  to: Date;
  visibleFrom: Date;
}

/** Imported, not read from disk, so that every Lambda bundle carries its year's dates. */
const SCHOOL_YEARS: Record<string, SchoolYearData> = {
  '2026-2027': year2026 as SchoolYearData,
};

export function schoolYearData(schoolYear: string): SchoolYearData {
  const data = SCHOOL_YEARS[schoolYear];
  if (!data) throw new Error(`No dates for school year ${schoolYear} in shared/school-year`);
  return data;
}

export function blackoutOf(data: SchoolYearData): Blackout {
  return {
    from: brusselsToInstant(data.blackout.from),
    to: brusselsToInstant(data.blackout.to),
    visibleFrom: brusselsToInstant(data.blackout.visibleFrom),
  };
}

/**
 * From when services may see a student entered at `registeredAt`: at once, or — when entered in
 * the summer blackout — only from the date the school year sets.
 */
export function visibleFrom(registeredAt: Date, blackout: Blackout): Date {
  return registeredAt >= blackout.from && registeredAt < blackout.to ? blackout.visibleFrom : registeredAt;
}

/** The school year this deployment (or local stack) serves. */
export const currentSchoolYear = () => process.env.SCHOOL_YEAR || '2026-2027';
