import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { recordTrainingContract } from '#trajectory/use-cases';

export const handler = defineHandler('trajectory-contract', async ({ caller, path, body }) =>
  ok(await recordTrainingContract(caller, path.id, body, new Date())),
);
