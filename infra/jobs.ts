import { Duration } from 'aws-cdk-lib';
import { EXPORT_FUNCTION_ENTRY } from '#http/routes';
import { SCHEDULE_TARGETS } from '#school-year/schedules';
import { EXPORT_JOB_ID, type JobDef } from './lib/jobs';

/**
 * The background functions the stack deploys, one entry each. A job is listed here only once its
 * feature works: a deployed placeholder would carry IAM grants for nothing. For example, when the
 * rounds feature sends its mailings:
 *
 *   { id: 'notify', entry: 'functions/notify/round-mailing.ts', description: 'Round mailings',
 *     resources: ['table:read', 'mail:send'] },
 *
 * Schedules (`shared/school-year/schedules.ts`) target a job by its id; the synth fails if a
 * schedule targets a job that is not listed here.
 */
export const jobs: readonly JobDef[] = [
  {
    // The round mailings tick (shared/school-year/schedules.ts targets it as `notify`).
    id: 'notify',
    entry: SCHEDULE_TARGETS.notify,
    description: 'Round start, close and reminder mailings',
    // Reads the calendar and the people, writes the outbox (one item per mail, before it is sent).
    resources: ['table:write', 'mail:send'],
    // A tick works through a whole mailing; leases in the outbox keep overlapping ticks apart.
    timeout: Duration.minutes(2),
  },
  {
    id: EXPORT_JOB_ID,
    entry: EXPORT_FUNCTION_ENTRY,
    description: 'Builds export files (CSV, XLSX); imports organisations from an uploaded sheet',
    // Reads the lists, writes the job's progress and the audit record; decrypts national numbers.
    // An import writes organisations, people and its rows, and mails the invitations.
    resources: ['table:write', 'exports:write', 'pii:decrypt', 'mail:send'],
    // 10,000 rows take seconds; a few hundred invitations a minute. A run that still times out is
    // retried by Lambda and continues where it stopped.
    timeout: Duration.minutes(5),
  },
  {
    id: 'outcome-reminders',
    entry: 'functions/notify/outcome-reminders.ts',
    description: 'Dual learning: reminds services of invitations without an outcome after 14 days',
    // Reads services and decisions, writes one marker per service and day (sends at most once).
    resources: ['table:write', 'mail:send'],
  },
  {
    id: 'escalations',
    entry: SCHEDULE_TARGETS.escalations,
    description: 'Takeover deadlines, registration reminders, the April dual-report reminder',
    // Claims each mail in the table before sending it (exactly once), then sends it.
    resources: ['table:write', 'mail:send'],
  },
  {
    id: 'retention',
    entry: SCHEDULE_TARGETS.retention,
    description: "Publishes the year's figures; on its retention date erases its personal data",
    // Clears personal fields in the table, deletes export files, records the erasure in the registry.
    resources: ['table:write', 'exports:erase', 'years:write'],
    // One pass over the year's table: 40,000 students and their items take minutes at most.
    timeout: Duration.minutes(15),
  },
];
