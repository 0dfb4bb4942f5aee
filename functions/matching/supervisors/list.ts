import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { supervisors } from '#people/supervisors';

export const handler = defineHandler('supervisors-list', async ({ caller }) => {
  return ok({ items: await supervisors.list(caller.organisationId) });
});
