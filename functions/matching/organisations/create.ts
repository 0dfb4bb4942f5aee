import { NewOrganisation } from '#contract/organisations';
import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { createOrganisation } from '#organisations/use-cases';

export const handler = defineHandler('organisations-create', { body: NewOrganisation }, async ({ body }) =>
  created(await createOrganisation(body, new Date())),
);
