import { randomUUID } from 'node:crypto';
import { defineHandler } from '#http/handler';
import { accepted, ok } from '#http/responses';
import { previewMailing, sendMailing } from '#mailings/use-cases';

/**
 * A preview (how many people) unless `send`; then 202: the scheduler's next tick delivers it. A
 * send without an id (a script) is a new mailing; with the id of its draft (the web app) a repeat
 * is the same mailing.
 */
export const handler = defineHandler('admin-mailings', async ({ caller, body }) =>
  body.send
    ? accepted(await sendMailing(caller, { ...body, id: body.id ?? randomUUID() }, new Date()))
    : ok(await previewMailing(body)),
);
