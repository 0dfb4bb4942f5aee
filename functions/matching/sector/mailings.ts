import { MailingInput } from '#contract/mailings';
import { defineHandler } from '#http/handler';
import { accepted, ok } from '#http/responses';
import { previewMailing, sendMailing } from '#mailings/use-cases';

/** A preview (how many people) unless `send`; then 202: the scheduler's next tick delivers it. */
export const handler = defineHandler('admin-mailings', { body: MailingInput }, async ({ caller, body }) =>
  body.send && body.id
    ? accepted(await sendMailing(caller, { ...body, id: body.id }, new Date()))
    : ok(await previewMailing(body)),
);
