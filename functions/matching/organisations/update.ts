import { organisationOr404 } from '../../../shared/accounts/invitations';
import { changeOrganisation } from '../../../shared/accounts/organisations';
import { OrganisationChanges } from '../../../shared/domain/organisations';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { organisationPath } from './schemas';

export const handler = defineHandler(
  'organisations-update',
  { path: organisationPath, body: OrganisationChanges },
  async ({ path, body }) => ok(await changeOrganisation(await organisationOr404(path.id), body, new Date())),
);
