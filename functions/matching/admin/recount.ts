import { recountAll } from '#admin/recount';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-dashboard-recount', async () =>
  ok({ counted: await recountAll() }),
);
