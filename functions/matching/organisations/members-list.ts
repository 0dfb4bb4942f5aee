import { organisationOr404 } from '#accounts/invitations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { peopleOf } from '#organisations/use-cases';

export const handler = defineHandler('members-list', async ({ path }) => {
  const organisation = await organisationOr404(path.id);
  return ok({ items: await peopleOf(organisation.id) });
});
