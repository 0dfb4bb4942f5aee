import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { contacts } from '#people/contacts';

export const handler = defineHandler('contacts-list', {}, async ({ caller }) =>
  ok({ items: await contacts.list(caller.organisationId) }),
);
