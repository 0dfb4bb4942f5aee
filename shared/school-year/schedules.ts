/**
 * Timed jobs of a school year (round start and close mailings, reminders). The CDK stack deploys
 * each as an EventBridge Scheduler one-time schedule; the local scheduler runs the same list.
 */
export interface ScheduleDef {
  /** Unique within a school year; also the schedule's name in AWS. */
  name: string;
  /** Brussels wall-clock time, `YYYY-MM-DDTHH:mm:ss`: Scheduler's `at()` with that time zone. */
  at: string;
  target: ScheduleTarget;
  payload: Record<string, unknown>;
}

export const SCHEDULE_TARGETS = {
  notify: 'functions/notify/round-mailing.ts',
  /** Dual learning: invitations without an outcome after 14 days (idempotent per day). */
  'outcome-reminders': 'functions/notify/outcome-reminders.ts',
  escalations: 'functions/notify/escalations.ts',
} as const;

export type ScheduleTarget = keyof typeof SCHEDULE_TARGETS;

/** The schedules of a school year. Rounds and their mailings are added by the rounds feature. */
export function schedulesFor(_schoolYear: string): ScheduleDef[] {
  return [];
}

/**
 * Jobs that look at the data on a rhythm instead of at one moment (takeover deadlines, registration
 * reminders, the April reminder). Their targets are idempotent, so running them more often than
 * the expression says changes nothing. The CDK stack deploys an EventBridge Scheduler schedule with
 * this expression in Brussels time; the local stack runs them on every tick of its scheduler.
 */
export interface RecurringScheduleDef {
  name: string;
  /** An EventBridge Scheduler `rate(...)` or `cron(...)` expression. */
  expression: string;
  target: ScheduleTarget;
  payload: Record<string, unknown>;
}

/** Replaced by EventBridge Scheduler with the run's scheduled time; the local stack passes its clock. */
export const SCHEDULED_TIME = '<aws.scheduler.scheduled-time>';

export function recurringSchedulesFor(_schoolYear: string): RecurringScheduleDef[] {
  return [
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
  ];
}
