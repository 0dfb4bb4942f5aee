import { contacts } from '../../../shared/data/contacts-repo';
import { notFound } from '../../../shared/http/errors';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { ContactInput, contactPath } from './schemas';

export const handler = defineHandler(
  'contacts-update',
  { path: contactPath, body: ContactInput },
  async ({ caller, path, body }) => {
    const contact = await contacts.update(caller.organisationId, path.id, body);
    if (!contact) throw notFound('Deze contactpersoon bestaat niet.');
    return ok(contact);
  },
);
