import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { completeTrajectory } from '#trajectory/use-cases';

export const handler = defineHandler('trajectory-complete', async ({ caller, path }) =>
  ok(await completeTrajectory(caller, path.id, new Date())),
);
