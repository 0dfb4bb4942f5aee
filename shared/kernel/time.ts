/** Every date in the rules is Brussels wall-clock time ("18 Sep 12:00"), whatever the server's zone. */
export const TIME_ZONE = 'Europe/Brussels';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function brusselsOffsetMs(instant: Date): number {
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `2026-09-18T12:00` in Brussels → the instant, summer or winter time alike. */
export function brusselsToInstant(local: string): Date {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) throw new Error(`Expected YYYY-MM-DDTHH:mm[:ss], got "${local}"`);
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  );
  // Two passes settle the offset also right after a DST switch.
  let instant = wall - brusselsOffsetMs(new Date(wall));
  instant = wall - brusselsOffsetMs(new Date(instant));
  return new Date(instant);
}

/** The Brussels wall-clock fields of an instant, two digits each (four for the year). */
export function brusselsWallClock(instant: Date) {
  const p = Object.fromEntries(formatter.formatToParts(instant).map((x) => [x.type, x.value]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** The Brussels calendar date of an instant, `YYYY-MM-DD` (a day runs from 00:00 to 24:00 there). */
export function brusselsDate(instant: Date): string {
  const { year, month, day } = brusselsWallClock(instant);
  return `${year}-${month}-${day}`;
}
