import { optionalEnv } from '#platform/config';
import { type RecurringScheduleDef, SCHEDULED_TIME } from '#school-year/schedules';

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

/** What EventBridge Scheduler would send: the payload with the scheduled time filled in. */
export function payloadAt(def: RecurringScheduleDef, now: Date): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(def.payload).map(([k, v]) => [k, v === SCHEDULED_TIME ? now.toISOString() : v]),
  );
}

/**
 * Runs the recurring jobs on every tick. They are idempotent, so a tick every few seconds locally
 * behaves like the hourly schedule in AWS, only sooner. Failures are reported and retried next tick.
 */
export function startRecurringJobs(options: {
  definitions: () => RecurringScheduleDef[];
  invoke: (def: RecurringScheduleDef, payload: Record<string, unknown>) => Promise<void>;
  now: () => Date;
  intervalMs?: number;
  onError?: (def: RecurringScheduleDef, error: unknown) => void;
}) {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      for (const def of options.definitions()) {
        await options
          .invoke(def, payloadAt(def, options.now()))
          .catch((error) => options.onError?.(def, error));
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 15_000);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
