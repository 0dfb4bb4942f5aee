/**
 * Timed jobs of a school year, in one list per kind: one-time schedules (`schedulesFor`) and
 * recurring ones (`recurringSchedulesFor`). The CDK stack deploys each as an EventBridge Scheduler
 * schedule in the year's group (`infra/lib/schedules.ts`); the local scheduler (`local/scheduler.ts`)
 * runs the same lists, with the same retries and dead letters.
 *
 * The round mailings run on one frequent tick rather than a one-time schedule per moment: the
 * calendar is data the admin edits at any time, and the tick reads it each time, so an edit counts
 * at once without creating, moving or deleting schedules from the API (see docs/design.md, "Round mailings").
 */
export interface ScheduleDef {
  /** Unique within a school year; also the schedule's name in AWS. */
  name: string;
  /** Brussels wall-clock time, `YYYY-MM-DDTHH:mm:ss`: Scheduler's `at()` with that time zone. */
  at: string;
  target: ScheduleTarget;
  /** `SCHEDULED_TIME` is replaced by the time the run was due (ISO 8601). */
  payload: Record<string, unknown>;
}

/**
 * Jobs that look at the data on a rhythm instead of at one moment (the round mailings tick,
 * takeover deadlines, registration reminders, the April reminder). Their targets are idempotent,
 * so running them more often than the expression says changes nothing. The CDK stack deploys an
 * EventBridge Scheduler schedule with this expression (a `cron` in Brussels time); the local
 * scheduler runs a `rate(...)` once per period and a `cron(...)` once per minute.
 */
export interface RecurringScheduleDef {
  /** Unique within a school year; also the schedule's name in AWS. */
  name: string;
  /** An EventBridge Scheduler `rate(...)` or `cron(...)` expression. */
  expression: string;
  target: ScheduleTarget;
  /** `SCHEDULED_TIME` is replaced by the time the run was due (ISO 8601). */
  payload: Record<string, unknown>;
}

/** Either kind: what the local scheduler runs. */
export type TimedJob = ScheduleDef | RecurringScheduleDef;

export const isRecurring = (def: TimedJob): def is RecurringScheduleDef => 'expression' in def;

/** EventBridge Scheduler's context attribute; the local scheduler fills in its own clock. */
export const SCHEDULED_TIME = '<aws.scheduler.scheduled-time>';

export const SCHEDULE_TARGETS = {
  notify: 'functions/notify/round-mailing.ts',
  /** Dual learning: invitations without an outcome after 14 days (idempotent per day). */
  'outcome-reminders': 'functions/notify/outcome-reminders.ts',
  escalations: 'functions/notify/escalations.ts',
  /** The year's figures daily, and on the retention date the erasure of its personal data (once). */
  retention: 'functions/notify/retention.ts',
} as const;

export type ScheduleTarget = keyof typeof SCHEDULE_TARGETS;

export const MAILINGS_TICK_MINUTES = 1;

/** The one-time schedules of a school year: none, since the rounds' moments are read by the tick. */
export function schedulesFor(_schoolYear: string): ScheduleDef[] {
  return [];
}

/**
 * The recurring schedules of a school year: the round mailings tick, the hourly escalations and
 * the weekly outcome reminders of dual learning.
 */
export function recurringSchedulesFor(_schoolYear: string): RecurringScheduleDef[] {
  return [
    {
      name: 'round-mailings-tick',
      expression: `rate(${MAILINGS_TICK_MINUTES} minute)`,
      target: 'notify',
      payload: { kind: 'tick', scheduledTime: SCHEDULED_TIME },
    },
    {
      name: 'escalations-hourly',
      expression: 'cron(5 * * * ? *)',
      target: 'escalations',
      payload: { scheduledTime: SCHEDULED_TIME },
    },
    {
      // Dual learning: invitations without an outcome after 14 days, every Monday morning.
      name: 'outcome-reminders-weekly',
      expression: 'cron(0 8 ? * MON *)',
      target: 'outcome-reminders',
      payload: { scheduledTime: SCHEDULED_TIME },
    },
    {
      // The year's figures for the registry, and on its retention date the erasure (once).
      name: 'retention-daily',
      expression: 'cron(15 2 * * ? *)',
      target: 'retention',
      payload: { scheduledTime: SCHEDULED_TIME },
    },
  ];
}

/** Every timed job of a school year, one-time and recurring: what the local stack runs. */
export const timedJobsFor = (schoolYear: string): TimedJob[] => [
  ...schedulesFor(schoolYear),
  ...recurringSchedulesFor(schoolYear),
];
