import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { registrations, registrationView } from '#registrations/use-cases';

export const handler = defineHandler('registrations-list', async ({ query }) => {
  const items = (await registrations(query.status)).map(registrationView);
  return ok({ items, total: items.length });
});
