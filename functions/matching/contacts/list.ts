import { contacts } from '../../../shared/data/contacts-repo';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';

export const handler = defineHandler('contacts-list', {}, async ({ caller }) =>
  ok({ items: await contacts.list(caller.organisationId) }),
);
