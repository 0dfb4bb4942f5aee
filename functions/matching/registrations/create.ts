import { defineHandler } from '#http/handler';
import { accepted } from '#http/responses';
import { register } from '#registrations/use-cases';

/** "Registreer je dienst": public; the answer comes later, by mail. */
export const handler = defineHandler('registrations-create', async ({ body }) =>
  accepted(await register(body, new Date())),
);
