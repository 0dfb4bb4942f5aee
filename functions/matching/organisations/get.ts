import { organisationOr404 } from '#accounts/invitations';
import { OrganisationPath } from '#contract/organisations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('organisations-get', { path: OrganisationPath }, async ({ path }) =>
  ok(await organisationOr404(path.id)),
);
