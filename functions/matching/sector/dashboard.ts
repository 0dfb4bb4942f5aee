import { DashboardQuery } from '#contract/sector';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { dashboard } from '#sector/dashboard';

export const handler = defineHandler('admin-dashboard', { query: DashboardQuery }, async ({ query }) =>
  ok(await dashboard(query.track, new Date())),
);
