import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { changeStudent, nationalNumberOf } from '#students/use-cases';
import { detailFor } from './detail';

export const handler = defineHandler('students-update', async ({ caller, path, body }) => {
  const student = await changeStudent(caller, path.id, body, new Date());
  return ok(await detailFor(caller, student, await nationalNumberOf(student)));
});
