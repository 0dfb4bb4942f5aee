import { listAudit } from '#audit/list';
import { AuditQuery } from '#contract/audit';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-audit', { query: AuditQuery }, async ({ query }) =>
  ok(await listAudit(query, new Date())),
);
