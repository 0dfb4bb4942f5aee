import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { enterStudent, nationalNumberOf } from '#students/use-cases';
import { detailFor } from './detail';

export const handler = defineHandler('students-create', async ({ caller, body }) => {
  const student = await enterStudent(caller, body, new Date());
  return created(await detailFor(caller, student, await nationalNumberOf(student)));
});
