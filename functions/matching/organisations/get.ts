import { organisationOr404 } from '#accounts/invitations';
import { assertOrganisationVisible } from '#admin/region-scope';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('organisations-get', async ({ caller, path }) => {
  const organisation = await organisationOr404(path.id);
  await assertOrganisationVisible(caller, organisation);
  return ok(organisation);
});
