import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { createRound } from '#school-year/use-cases';

export const handler = defineHandler('rounds-create', async ({ caller, body }) =>
  created(await createRound(body, caller.userId, new Date())),
);
