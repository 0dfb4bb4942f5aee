import type { ReminderCadence, Round } from '#contract/school-year';
import { brusselsToInstant } from '#kernel/time';
import firstYear from './first-year.json';
import { shiftCalendar } from './next-year';
import type { BlackoutProgramme } from './rules';

/**
 * The dates of a school year. They are data, not code: each year's table stores its calendar
 * (rounds, blackout, reminders), which the admin edits. The first year's dates ship with the code
 * (`first-year.json`); every later year's calendar is proposed from the year before it ("Nieuw
 * schooljaar voorbereiden", shared/school-years/years.ts) and seeded into its table from there.
 */
export interface SchoolYearData {
  schoolYear: string;
  timeZone: string;
  blackout: BlackoutDates;
  /** When reminders go out while a round is open. */
  reminders: ReminderCadence;
  /** The rounds as seeded; the admin edits the stored copy. */
  rounds: Round[];
}

/**
 * The summer blackout: students entered between `from` and `to` are shown from `visibleFrom` — only
 * those of the programmes it names (the 2026-2027 manual: the 7th year alone; a dual-learning or
 * adult student entered in July is shown by their own round as usual).
 */
export interface BlackoutDates {
  from: string;
  to: string;
  visibleFrom: string;
  /** Absent in calendars stored before the blackout named its programmes: the shipped year's. */
  programmes?: BlackoutProgramme[];
}

export interface Blackout {
  from: Date;
  to: Date;
  visibleFrom: Date;
  programmes: BlackoutProgramme[];
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

/** The programmes a blackout names, with the shipped year's for a calendar stored before they were data. */
export const blackoutProgrammes = (blackout: BlackoutDates): BlackoutProgramme[] =>
  blackout.programmes ?? (SHIPPED.blackout.programmes as BlackoutProgramme[]);

export function blackoutOf(data: Pick<SchoolYearData, 'blackout'>): Blackout {
  return {
    from: brusselsToInstant(data.blackout.from),
    to: brusselsToInstant(data.blackout.to),
    visibleFrom: brusselsToInstant(data.blackout.visibleFrom),
    programmes: blackoutProgrammes(data.blackout),
  };
}

/**
 * From when services may see a student entered at `registeredAt`: at once, or — when entered in
 * the summer blackout and of a programme it names — only from the date the school year sets.
 */
export function visibleFrom(
  registeredAt: Date,
  blackout: Blackout,
  programme: BlackoutProgramme | null,
): Date {
  const named = programme !== null && blackout.programmes.includes(programme);
  return named && registeredAt >= blackout.from && registeredAt < blackout.to
    ? blackout.visibleFrom
    : registeredAt;
}

/**
 * The school year this deployment (or local stack) serves: `SCHOOL_YEAR`, which every deployed
 * function has; without it (a script, a unit test) the year whose dates ship with the code.
 */
export const currentSchoolYear = () => process.env.SCHOOL_YEAR || SHIPPED.schoolYear;

/** The year whose dates ship with the code: the first school year the product ran. */
export const shippedSchoolYear = SHIPPED.schoolYear;
