import { Duration } from 'aws-cdk-lib';
import { EXPORT_FUNCTION_ENTRY } from '#http/routes';
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
    id: EXPORT_JOB_ID,
    entry: EXPORT_FUNCTION_ENTRY,
    description: 'Builds export files (CSV, XLSX) into the export bucket',
    // Reads the lists, writes the job's progress and the audit record; decrypts national numbers.
    resources: ['table:write', 'exports:write', 'pii:decrypt'],
    // 10,000 rows take seconds; the margin is for a slow table or bucket, not for the common case.
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
    entry: 'functions/notify/escalations.ts',
    description: 'Takeover deadlines, registration reminders, the April dual-report reminder',
    // Claims each mail in the table before sending it (exactly once), then sends it.
    resources: ['table:write', 'mail:send'],
  },
];
