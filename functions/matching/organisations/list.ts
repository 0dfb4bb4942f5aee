import { findOrganisations } from '../../../shared/accounts/organisations';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { organisationQuery } from './schemas';

export const handler = defineHandler('organisations-list', { query: organisationQuery }, async ({ query }) =>
  ok({ items: await findOrganisations(query) }),
);
