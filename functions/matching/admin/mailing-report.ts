import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { mailingReport } from '#mailings/use-cases';

/** How far a mailing is: queued, sent, failed and bounced, with the addresses it did not reach. */
export const handler = defineHandler('admin-mailing-report', async ({ path }) =>
  ok(await mailingReport(path.id)),
);
