import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { findOrganisations } from '#organisations/use-cases';

export const handler = defineHandler('organisations-list', async ({ query }) =>
  ok({ items: await findOrganisations(query) }),
);
