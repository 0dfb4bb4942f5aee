import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { recountAll } from '#sector/recount';

export const handler = defineHandler('admin-dashboard-recount', {}, async () =>
  ok({ counted: await recountAll() }),
);
