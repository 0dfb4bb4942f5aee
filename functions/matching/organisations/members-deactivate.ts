import { organisationOr404 } from '../../../shared/accounts/invitations';
import { deactivatePerson } from '../../../shared/accounts/organisations';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { memberPath } from './schemas';

/** "Delete" keeps the record: the person is deactivated, refused from their next request on. */
export const handler = defineHandler('members-deactivate', { path: memberPath }, async ({ path }) => {
  const organisation = await organisationOr404(path.id);
  return ok(await deactivatePerson(organisation.id, path.memberId, new Date()));
});
