import { dashboard } from '#admin/dashboard';
import { DashboardQuery } from '#contract/admin';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-dashboard', { query: DashboardQuery }, async ({ query }) =>
  ok(await dashboard(query.track, new Date())),
);
