import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { contactsWithCapacity } from '#people/contacts';

export const handler = defineHandler('contacts-list', async ({ caller }) =>
  ok({ items: await contactsWithCapacity(caller.organisationId, new Date()) }),
);
