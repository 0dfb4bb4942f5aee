import { organisationOr404 } from '#accounts/invitations';
import { OrganisationChanges, OrganisationPath } from '#contract/organisations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { changeOrganisation } from '#organisations/use-cases';

export const handler = defineHandler(
  'organisations-update',
  { path: OrganisationPath, body: OrganisationChanges },
  async ({ path, body }) => ok(await changeOrganisation(await organisationOr404(path.id), body, new Date())),
);
