import { randomUUID } from 'node:crypto';
import { schoolIdsOfRegion } from '#admin/region-scope';
import { defineHandler } from '#http/handler';
import { regionOf } from '#http/region';
import { accepted, ok } from '#http/responses';
import { previewMailing, sendMailing } from '#mailings/use-cases';

/**
 * A preview (how many people) unless `send`; then 202: the scheduler's next tick delivers it. A
 * send without an id (a script) is a new mailing; with the id of its draft (the web app) a repeat
 * is the same mailing. A regional team's mailing reaches its provinces only.
 */
export const handler = defineHandler('admin-mailings', async ({ caller, body }) => {
  const region = regionOf(caller);
  const reach = { region, schools: await schoolIdsOfRegion(region) };
  return body.send
    ? accepted(await sendMailing(caller, { ...body, id: body.id ?? randomUUID() }, new Date(), reach))
    : ok(await previewMailing(body, reach));
});
