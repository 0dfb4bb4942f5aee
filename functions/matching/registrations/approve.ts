import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { approve } from '#registrations/use-cases';

export const handler = defineHandler('registrations-approve', async ({ caller, path }) =>
  ok(await approve(caller, path.id, new Date())),
);
