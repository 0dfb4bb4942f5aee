import { listAudit } from '#audit/list';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-audit', async ({ query }) =>
  ok(await listAudit(query, new Date())),
);
