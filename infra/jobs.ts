import type { JobDef } from './lib/jobs';

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
export const jobs: readonly JobDef[] = [];
