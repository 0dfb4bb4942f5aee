import { defineHandler } from '#http/handler';
import { accepted } from '#http/responses';
import { remindNow } from '#school-year/use-cases';

/** "Send the reminders now": queued, and sent by the next tick of the mailings schedule. */
export const handler = defineHandler('rounds-remind', async ({ path }) =>
  accepted(await remindNow(path.id, new Date())),
);
