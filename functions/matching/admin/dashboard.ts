import { dashboard } from '#admin/dashboard';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-dashboard', async ({ query }) =>
  ok(await dashboard(query.track, new Date())),
);
