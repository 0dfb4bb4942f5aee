import { dashboard } from '#admin/dashboard';
import { defineHandler } from '#http/handler';
import { regionOf } from '#http/region';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-dashboard', async ({ caller, query }) =>
  ok(await dashboard(query.track, new Date(), undefined, regionOf(caller))),
);
