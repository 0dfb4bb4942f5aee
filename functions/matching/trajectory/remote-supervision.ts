import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { changeRemoteSupervision } from '#trajectory/use-cases';

export const handler = defineHandler('trajectory-remote', async ({ caller, path, body }) =>
  ok(await changeRemoteSupervision(caller, path.id, body.on, new Date())),
);
