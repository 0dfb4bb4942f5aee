import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { answerTakeover } from '#takeovers/use-cases';

export const handler = defineHandler('takeovers-approve', async ({ caller, path }) =>
  ok(await answerTakeover(caller, path.id, true, new Date())),
);
