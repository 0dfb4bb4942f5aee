import { TZDate } from '@date-fns/tz';

/** Every date in the rules is Brussels wall-clock time ("18 Sep 12:00"), whatever the server's zone. */
export const TIME_ZONE = 'Europe/Brussels';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * `2026-09-18T12:00` in Brussels → the instant, summer or winter time alike. A time the spring
 * switch skips (02:30 on the last Sunday of March) is the instant an hour later on the clock; a time
 * the autumn switch repeats is its second, winter-time, occurrence.
 */
export function brusselsToInstant(local: string): Date {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) throw new Error(`Expected YYYY-MM-DDTHH:mm[:ss], got "${local}"`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  return new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, second!, TIME_ZONE).getTime());
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A Brussels calendar day `2026-10-25` as the instants it runs between: its midnight and the next
 * day's (exclusive). A day is 23 or 25 hours long when the clocks change, never a fixed 24.
 */
export function brusselsDay(day: string): { start: Date; end: Date } {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Expected YYYY-MM-DD, got "${day}"`);
  const [year, month, date] = m.slice(1).map(Number) as number[];
  return {
    start: new Date(new TZDate(year!, month! - 1, date!, TIME_ZONE).getTime()),
    end: new Date(new TZDate(year!, month! - 1, date! + 1, TIME_ZONE).getTime()),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The Brussels wall-clock fields of an instant, two digits each (four for the year). */
export function brusselsWallClock(instant: Date) {
  const z = new TZDate(instant.getTime(), TIME_ZONE);
  return {
    year: String(z.getFullYear()),
    month: two(z.getMonth() + 1),
    day: two(z.getDate()),
    hour: two(z.getHours()),
    minute: two(z.getMinutes()),
    second: two(z.getSeconds()),
  };
}

/** The Brussels calendar date of an instant, `YYYY-MM-DD` (a day runs from 00:00 to 24:00 there). */
export function brusselsDate(instant: Date): string {
  const { year, month, day } = brusselsWallClock(instant);
  return `${year}-${month}-${day}`;
}

/** The Brussels wall-clock string of an instant, `2026-09-18T12:00`, as the calendar stores times. */
export function brusselsWall(instant: Date): string {
  const { year, month, day, hour, minute } = brusselsWallClock(instant);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}

/** `2027-02-26` → `26/02/2027`, as people in Flanders write dates. */
export const dutchDate = (day: string) => day.split('-').reverse().join('/');
