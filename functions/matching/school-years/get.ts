import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { schoolYearProposal } from '#school-years/years';

/** A year's calendar with its warnings, and for a prepared year the organisations that take part. */
export const handler = defineHandler('school-years-get', async ({ path }) =>
  ok(await schoolYearProposal(path.schoolYear)),
);
