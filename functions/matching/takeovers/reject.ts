import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { answerTakeover } from '#takeovers/use-cases';

export const handler = defineHandler('takeovers-reject', async ({ caller, path }) =>
  ok(await answerTakeover(caller, path.id, false, new Date())),
);
