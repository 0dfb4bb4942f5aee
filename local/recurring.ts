import { optionalEnv } from '#platform/config';
import { SCHEDULED_TIME, type TimedJob } from '#school-year/schedules';

/**
 * The local scheduler's clock. `SCHEDULER_CLOCK_OFFSET_DAYS=15 npm start` lets the scheduled jobs
 * live 15 days ahead (a takeover's deadline passes, a registration waits 10 days) while the API
 * keeps the real time.
 */
export function schedulerClock(): () => Date {
  const days = Number(optionalEnv('SCHEDULER_CLOCK_OFFSET_DAYS') ?? 0);
  const offset = Number.isFinite(days) ? days * 24 * 60 * 60 * 1000 : 0;
  return () => new Date(Date.now() + offset);
}

/** What EventBridge Scheduler would send: the payload with the run's scheduled time filled in. */
export function payloadAt(def: Pick<TimedJob, 'payload'>, at: Date): Record<string, unknown> {
  return JSON.parse(JSON.stringify(def.payload).replaceAll(SCHEDULED_TIME, at.toISOString()));
}
