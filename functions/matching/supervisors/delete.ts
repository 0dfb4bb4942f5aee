import { defineHandler } from '#http/handler';
import { noContent } from '#http/responses';
import { deleteSupervisor } from '#people/supervisors';

export const handler = defineHandler('supervisors-delete', async ({ caller, path }) => {
  await deleteSupervisor(caller.organisationId, path.id);
  return noContent();
});
