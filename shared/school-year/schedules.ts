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
} as const;

export type ScheduleTarget = keyof typeof SCHEDULE_TARGETS;

/** The schedules of a school year. Rounds and their mailings are added by the rounds feature. */
export function schedulesFor(_schoolYear: string): ScheduleDef[] {
  return [];
}
