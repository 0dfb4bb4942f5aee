import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { trajectoryView } from '#trajectory/use-cases';

export const handler = defineHandler('trajectory-get', async ({ caller, path }) =>
  ok(await trajectoryView(caller, path.id, new Date())),
);
