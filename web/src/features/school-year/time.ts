import { brusselsToInstant, TIME_ZONE } from '#contract/time';

/** `2026-09-18T12:00` (Brussels) → the instant: the same conversion the server makes. */
export const instantOf = brusselsToInstant;

const wallFormat = new Intl.DateTimeFormat('nl-BE', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `vr 18/09/2026, 12:00`. */
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
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant (ISO) in Brussels time: `18/09/2026, 12:00`. */
export const formatInstant = (iso: string) => instantFormat.format(new Date(iso));
