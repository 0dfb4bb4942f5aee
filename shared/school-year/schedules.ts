/**
 * Timed jobs of a school year. The CDK stack deploys each as an EventBridge Scheduler schedule in
 * the year's group; the local scheduler (`local/scheduler.ts`) runs the same list.
 *
 * The round mailings run on one frequent tick rather than a one-time schedule per moment: the
 * calendar is data the admin edits at any time, and the tick reads it each time, so an edit counts
 * at once without creating, moving or deleting schedules from the API (see README, "Schedules").
 */
export type ScheduleDef = OneTime | Recurring;

interface Common {
  /** Unique within a school year; also the schedule's name in AWS. */
  name: string;
  target: ScheduleTarget;
  /** `SCHEDULED_TIME` is replaced by the time the run was due (ISO 8601). */
  payload: Record<string, unknown>;
}

export interface OneTime extends Common {
  /** Brussels wall-clock time, `YYYY-MM-DDTHH:mm:ss`: Scheduler's `at()` with that time zone. */
  at: string;
}

export interface Recurring extends Common {
  /** Every this many minutes. */
  everyMinutes: number;
}

/** EventBridge Scheduler's context attribute; the local scheduler fills in its own clock. */
export const SCHEDULED_TIME = '<aws.scheduler.scheduled-time>';

export const SCHEDULE_TARGETS = {
  notify: 'functions/notify/round-mailing.ts',
} as const;

export type ScheduleTarget = keyof typeof SCHEDULE_TARGETS;

export const MAILINGS_TICK_MINUTES = 1;

/** The schedules of a school year: the mailings tick. */
export function schedulesFor(_schoolYear: string): ScheduleDef[] {
  return [
    {
      name: 'round-mailings-tick',
      everyMinutes: MAILINGS_TICK_MINUTES,
      target: 'notify',
      payload: { kind: 'tick', scheduledTime: SCHEDULED_TIME },
    },
  ];
}
