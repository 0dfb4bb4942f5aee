import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { newId } from '#kernel/ids';
import { contactDetails, contacts, newContact } from '#people/contacts';

export const handler = defineHandler('contacts-create', async ({ caller, body }) => {
  const contact = newContact({
    id: newId(),
    serviceId: caller.organisationId,
    ...body,
    acceptanceCount: 0,
  });
  await contacts.put(caller.organisationId, contact);
  return created(contactDetails(contact));
});
