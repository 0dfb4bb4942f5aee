import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { recordHours } from '#trajectory/use-cases';

export const handler = defineHandler('trajectory-hours', async ({ caller, path, body }) =>
  created(await recordHours(caller, path.id, body, new Date())),
);
