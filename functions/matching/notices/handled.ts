import { markNoticeHandled } from '#admin/notices';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

/** The admin looked at a notice: it stays listed, marked handled, with who did it and when. */
export const handler = defineHandler('notices-handled', async ({ caller, path }) =>
  ok(await markNoticeHandled(caller, path.id, new Date())),
);
