import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { evaluate } from '#trajectory/use-cases';

export const handler = defineHandler('trajectory-evaluate', async ({ caller, path, body }) =>
  created(await evaluate(caller, path.id, body, new Date())),
);
