import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { requestTakeover } from '#takeovers/use-cases';

export const handler = defineHandler('takeovers-create', async ({ caller, body }) =>
  created(await requestTakeover(caller, body.serviceId, new Date())),
);
