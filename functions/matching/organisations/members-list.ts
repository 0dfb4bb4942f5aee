import { organisationOr404 } from '../../../shared/accounts/invitations';
import { peopleOf } from '../../../shared/accounts/organisations';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { organisationPath } from './schemas';

export const handler = defineHandler('members-list', { path: organisationPath }, async ({ path }) => {
  const organisation = await organisationOr404(path.id);
  return ok({ items: await peopleOf(organisation.id) });
});
