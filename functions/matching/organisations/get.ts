import { organisationOr404 } from '../../../shared/accounts/invitations';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { organisationPath } from './schemas';

export const handler = defineHandler('organisations-get', { path: organisationPath }, async ({ path }) =>
  ok(await organisationOr404(path.id)),
);
