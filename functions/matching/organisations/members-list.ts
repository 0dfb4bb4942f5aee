import { organisationOr404 } from '#accounts/invitations';
import { assertOrganisationVisible } from '#admin/region-scope';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { peopleOf } from '#organisations/use-cases';

export const handler = defineHandler('members-list', async ({ caller, path }) => {
  const organisation = await organisationOr404(path.id);
  await assertOrganisationVisible(caller, organisation);
  return ok({ items: await peopleOf(organisation.id) });
});
