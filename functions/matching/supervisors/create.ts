import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { newId } from '#kernel/ids';
import { supervisors } from '#people/supervisors';

export const handler = defineHandler('supervisors-create', async ({ caller, body }) => {
  const supervisor = { id: newId(), schoolId: caller.organisationId, ...body, studentCount: 0 };
  await supervisors.put(caller.organisationId, supervisor);
  return created(supervisor);
});
