import { organisationOr404 } from '#accounts/invitations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('organisations-get', async ({ path }) =>
  ok(await organisationOr404(path.id)),
);
