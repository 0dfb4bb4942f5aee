import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { reject } from '#registrations/use-cases';

export const handler = defineHandler('registrations-reject', async ({ caller, path, body }) =>
  ok(await reject(caller, path.id, body.reason, new Date())),
);
