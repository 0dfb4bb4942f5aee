import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { settings } from '#platform/config';
import { dualReport } from '#trajectory/use-cases';

/** Per dual learner: hours in the school year and the training contract's dates (before 1 May). */
export const handler = defineHandler('dual-report', async ({ caller }) => {
  const schoolYear = settings.schoolYear();
  return ok({ schoolYear, rows: await dualReport(caller.organisationId, schoolYear) });
});
