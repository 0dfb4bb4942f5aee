import type { ReminderCadence, Round } from '#contract/school-year';
import { brusselsToInstant } from '#kernel/time';
import firstYear from './first-year.json';
import { shiftCalendar } from './next-year';

/**
 * The dates of a school year. They are data, not code: each year's table stores its calendar
 * (rounds, blackout, reminders), which the admin edits. The first year's dates ship with the code
 * (`first-year.json`); every later year's calendar is proposed from the year before it ("Nieuw
 * schooljaar voorbereiden", shared/school-years/years.ts) and seeded into its table from there.
 */
export interface SchoolYearData {
  schoolYear: string;
  timeZone: string;
  blackout: { from: string; to: string; visibleFrom: string };
  /** When reminders go out while a round is open. */
  reminders: ReminderCadence;
  /** The rounds as seeded; the admin edits the stored copy. */
  rounds: Round[];
}

export interface Blackout {
  from: Date;
  to: Date;
  visibleFrom: Date;
}

/** Imported, not read from disk, so that every Lambda bundle carries the shipped dates. */
const SHIPPED = firstYear as SchoolYearData;

/**
 * The shipped calendar for `schoolYear`: the first year's own, or — for a year that was never
 * prepared — the first year's dates moved by whole years, so that no year needs a code change.
 */
export function shippedCalendarFor(schoolYear: string): SchoolYearData {
  return schoolYear === SHIPPED.schoolYear ? SHIPPED : shiftCalendar(SHIPPED, schoolYear);
}

export function blackoutOf(data: Pick<SchoolYearData, 'blackout'>): Blackout {
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

/**
 * The school year this deployment (or local stack) serves: `SCHOOL_YEAR`, which every deployed
 * function has; without it (a script, a unit test) the year whose dates ship with the code.
 */
export const currentSchoolYear = () => process.env.SCHOOL_YEAR || SHIPPED.schoolYear;

/** The year whose dates ship with the code: the first school year the product ran. */
export const shippedSchoolYear = SHIPPED.schoolYear;
