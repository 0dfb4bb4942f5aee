import { createOrganisation } from '../../../shared/accounts/organisations';
import { NewOrganisation } from '../../../shared/domain/organisations';
import { defineHandler } from '../../../shared/http/handler';
import { created } from '../../../shared/http/responses';

export const handler = defineHandler('organisations-create', { body: NewOrganisation }, async ({ body }) =>
  created(await createOrganisation(body, new Date())),
);
