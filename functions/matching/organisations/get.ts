import { organisationOr404 } from '#accounts/invitations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { organisationPath } from './schemas';

export const handler = defineHandler('organisations-get', { path: organisationPath }, async ({ path }) =>
  ok(await organisationOr404(path.id)),
);
