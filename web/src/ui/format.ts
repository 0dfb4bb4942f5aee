import type { Period } from '#contract/students';
import { TIME_ZONE } from '#contract/time';

/** Instants are shown in Brussels time, where the rules of the school year are set. */
const longDateFormat = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const dayMonthFormat = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  timeZone: TIME_ZONE,
});
const shortDateTimeFormat = new Intl.DateTimeFormat('nl-BE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});
/** Calendar dates have no time zone: they are read and written as UTC midnight. */
const shortDateFormat = new Intl.DateTimeFormat('nl-BE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

const shortInstantDateFormat = new Intl.DateTimeFormat('nl-BE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: TIME_ZONE,
});

/** An instant as its Brussels day, `19/09/2026`. */
export const instantDay = (iso: string) => shortInstantDateFormat.format(new Date(iso));
/** An instant (`2026-09-18T22:00:00.000Z`) as `19 september 2026`. */
export const longDate = (iso: string) => longDateFormat.format(new Date(iso));
/** An instant as `24/11/2026, 20:41` (Brussels), where a table has little room. */
export const shortDateTime = (iso: string) => shortDateTimeFormat.format(new Date(iso));
/** An instant as `30 juni`, for dates that recur every school year. */
export const dayAndMonth = (iso: string) => dayMonthFormat.format(new Date(iso));
/** A calendar date (`2026-10-05`) as `05/10/2026`. */
export const day = (isoDate: string) => shortDateFormat.format(new Date(`${isoDate}T00:00:00Z`));
const numberFormat = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 2 });
/** A number as written in Belgium: `80,5`, `1.200`. */
export const number = (n: number) => numberFormat.format(n);

export const period = (p: Period) => `${day(p.start)} – ${day(p.end)}`;
/** A period in a list's narrow column: `05/10 – 13/11/2026`, the year once when both ends share it. */
export const shortPeriod = (p: Period) =>
  p.start.slice(0, 4) === p.end.slice(0, 4) ? `${day(p.start).slice(0, 5)} – ${day(p.end)}` : period(p);
