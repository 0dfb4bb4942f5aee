import { TIME_ZONE } from '#contract/school-year-api';

/**
 * Round times are Brussels wall-clock strings (`2026-09-18T12:00`). These turn them into instants
 * and back without a date library: the offset is read from the browser's time-zone data.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function wallOf(instant: Date): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** `2026-09-18T12:00` (Brussels) → the instant. */
export function instantOf(wall: string): Date {
  const guess = Date.parse(`${wall}:00Z`);
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const seen = Date.parse(`${wallOf(new Date(t))}:00Z`);
    t = guess - (seen - t);
  }
  return new Date(t);
}

const wallFormat = new Intl.DateTimeFormat('nl-BE', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `vr 18 sep 2026 12:00`. */
export const formatWall = (wall: string) => wallFormat.format(instantOf(wall));

/** "over 3 dagen en 4 uur", "over 12 minuten": the countdown to a change. */
export function countdown(to: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((to.getTime() - now.getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (days > 0) return `over ${unit(days, 'dag', 'dagen')}${hours ? ` en ${unit(hours, 'uur', 'uur')}` : ''}`;
  if (hours > 0)
    return `over ${unit(hours, 'uur', 'uur')}${mins ? ` en ${unit(mins, 'minuut', 'minuten')}` : ''}`;
  return `over ${unit(mins, 'minuut', 'minuten')}`;
}

const instantFormat = new Intl.DateTimeFormat('nl-BE', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (ISO) in Brussels time: `18 sep 2026 12:00`. */
export const formatInstant = (iso: string) => instantFormat.format(new Date(iso));
