import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { notFound } from '#kernel/errors';
import { supervisors } from '#people/supervisors';

export const handler = defineHandler('supervisors-update', async ({ caller, path, body }) => {
  // The key includes the caller's school: another school's supervisor is simply not there.
  const supervisor = await supervisors.update(caller.organisationId, path.id, body);
  if (!supervisor) throw notFound('Deze begeleider bestaat niet.');
  return ok(supervisor);
});
