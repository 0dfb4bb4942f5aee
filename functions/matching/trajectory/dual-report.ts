import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { optionalEnv } from '#platform/config';
import { dualReport } from '#trajectory/use-cases';

/** Per dual learner: hours in the school year and the training contract's dates (before 1 May). */
export const handler = defineHandler('dual-report', async ({ caller }) => {
  const schoolYear = optionalEnv('SCHOOL_YEAR') ?? '2026-2027';
  return ok({ schoolYear, rows: await dualReport(caller.organisationId, schoolYear) });
});
