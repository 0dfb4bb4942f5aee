import { RegistrationPath } from '#contract/registrations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { approve } from '#registrations/use-cases';

export const handler = defineHandler(
  'registrations-approve',
  { path: RegistrationPath },
  async ({ caller, path }) => ok(await approve(caller, path.id, new Date())),
);
