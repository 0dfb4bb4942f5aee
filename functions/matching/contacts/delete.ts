import { defineHandler } from '#http/handler';
import { noContent } from '#http/responses';
import { conflict, notFound } from '#kernel/errors';
import { contacts } from '#people/contacts';

export const handler = defineHandler('contacts-delete', async ({ caller, path }) => {
  const outcome = await contacts.remove(caller.organisationId, path.id);
  if (!outcome) throw notFound('Deze contactpersoon bestaat niet.');
  if (!outcome.deleted) {
    throw conflict(
      `Deze contactpersoon is gekoppeld aan ${outcome.links} aanvaarde ${outcome.links === 1 ? 'leerling' : 'leerlingen'} en kan niet verwijderd worden.`,
      { acceptances: outcome.links },
    );
  }
  return noContent();
});
