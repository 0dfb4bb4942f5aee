import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { findOrganisations } from '#organisations/use-cases';
import { organisationQuery } from './schemas';

export const handler = defineHandler('organisations-list', { query: organisationQuery }, async ({ query }) =>
  ok({ items: await findOrganisations(query) }),
);
