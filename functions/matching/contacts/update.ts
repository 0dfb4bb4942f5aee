import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { notFound } from '#kernel/errors';
import { contactDetails, contacts } from '#people/contacts';

export const handler = defineHandler('contacts-update', async ({ caller, path, body }) => {
  const contact = await contacts.update(caller.organisationId, path.id, body);
  if (!contact) throw notFound('Deze contactpersoon bestaat niet.');
  return ok(contactDetails(contact));
});
