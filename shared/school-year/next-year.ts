import type { Round } from '#contract/school-year';
import type { SchoolYearData } from './calendar';

/**
 * Next year's calendar, proposed from this year's: every date one year later, and a warning where
 * a date then falls on a weekend or a Belgian public holiday. The coordinator decides; nothing
 * here moves a date on its own. Pure: the dates are strings (`YYYY-MM-DD[THH:mm]`, Brussels wall
 * clock), so no time zone is involved.
 */

const DAY_MS = 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');

/** `2026-09-04T12:00` moved by `years`; 29 February becomes 28 February in a common year. */
export function shiftYears(value: string, years: number): string {
  const year = Number(value.slice(0, 4)) + years;
  const month = Number(value.slice(5, 7));
  const day = Math.min(Number(value.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${two(month)}-${two(day)}${value.slice(10)}`;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2026-2027` → 2026. */
export const startYearOf = (schoolYear: string) => Number(schoolYear.slice(0, 4));

/** The school year after `schoolYear`: `2026-2027` → `2027-2028`. */
export const followingYear = (schoolYear: string, by = 1) =>
  `${startYearOf(schoolYear) + by}-${startYearOf(schoolYear) + by + 1}`;

/** A whole calendar moved from its school year to `schoolYear` (any number of years). */
export function shiftCalendar(data: SchoolYearData, schoolYear: string): SchoolYearData {
  const years = startYearOf(schoolYear) - startYearOf(data.schoolYear);
  const move = (value: string) => shiftYears(value, years);
  return {
    ...data,
    schoolYear,
    blackout: {
      ...data.blackout,
      from: move(data.blackout.from),
      to: move(data.blackout.to),
      visibleFrom: move(data.blackout.visibleFrom),
    },
    rounds: data.rounds.map((round) => shiftRound(round, years)),
  };
}

export function shiftRound(round: Round, years: number): Round {
  const move = (value: string) => shiftYears(value, years);
  return {
    ...round,
    opensAt: move(round.opensAt),
    closesAt: move(round.closesAt),
    ...(round.internship
      ? { internship: { from: move(round.internship.from), to: move(round.internship.to) } }
      : {}),
  };
}

/** Easter Sunday (Gregorian), by the anonymous algorithm of Meeus, Jones and Butcher. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${two(month)}-${two(day)}`;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The ten legal public holidays of Belgium in a calendar year, by date. */
export function belgianHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  return new Map([
    [`${year}-01-01`, 'Nieuwjaar'],
    [addDays(easter, 1), 'Paasmaandag'],
    [`${year}-05-01`, 'Dag van de Arbeid'],
    [addDays(easter, 39), 'Onze-Lieve-Heer-Hemelvaart'],
    [addDays(easter, 50), 'Pinkstermaandag'],
    [`${year}-07-21`, 'Nationale feestdag'],
    [`${year}-08-15`, 'Onze-Lieve-Vrouw-Hemelvaart'],
    [`${year}-11-01`, 'Allerheiligen'],
    [`${year}-11-11`, 'Wapenstilstand'],
    [`${year}-12-25`, 'Kerstmis'],
  ]);
}

const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

const belgian = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** Why a date needs a second look: a weekend day or a public holiday; null when it is a working day. */
export function dayProblem(value: string): string | null {
  const date = value.slice(0, 10);
  const holiday = belgianHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday) return `${belgian(date)} is een feestdag (${holiday})`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return `${belgian(date)} valt op een ${WEEKDAYS[weekday]}`;
  return null;
}

/** The warnings of one round: its opening and its close, each checked on its own. */
export function roundWarnings(round: Pick<Round, 'opensAt' | 'closesAt'>): string[] {
  const warnings: string[] = [];
  const opens = dayProblem(round.opensAt);
  if (opens) warnings.push(`Begin: ${opens}.`);
  const closes = dayProblem(round.closesAt);
  if (closes) warnings.push(`Einde: ${closes}.`);
  return warnings;
}

/** The blackout's dates, checked like a round's. */
export function blackoutWarnings(blackout: SchoolYearData['blackout']): string[] {
  const checks: [string, string][] = [
    ['Start zomerstop', blackout.from],
    ['Einde zomerstop', blackout.to],
    ['Zichtbaar vanaf', blackout.visibleFrom],
  ];
  return checks.flatMap(([label, value]) => {
    const problem = dayProblem(value);
    return problem ? [`${label}: ${problem}.`] : [];
  });
}

/** The default retention date: 31 August of the calendar year after the school year ends. */
export const defaultRetentionUntil = (schoolYear: string) => `${startYearOf(schoolYear) + 2}-08-31`;

/** The day the year's last round closes (`YYYY-MM-DD`), or null for a calendar without rounds. */
export function lastRoundDay(rounds: readonly Pick<Round, 'closesAt'>[]): string | null {
  const last = rounds
    .map((r) => r.closesAt)
    .sort()
    .at(-1);
  return last ? last.slice(0, 10) : null;
}
