import { contacts } from '../../../shared/data/contacts-repo';
import { newId } from '../../../shared/data/ids';
import { defineHandler } from '../../../shared/http/handler';
import { created } from '../../../shared/http/responses';
import { ContactInput } from './schemas';

export const handler = defineHandler('contacts-create', { body: ContactInput }, async ({ caller, body }) => {
  const contact = { id: newId(), serviceId: caller.organisationId, ...body, acceptanceCount: 0 };
  await contacts.put(caller.organisationId, contact);
  return created(contact);
});
