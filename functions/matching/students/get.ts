import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { nationalNumberOf, ownStudent } from '#students/use-cases';
import { detailFor } from './detail';

export const handler = defineHandler('students-get', async ({ caller, path }) => {
  const student = await ownStudent(caller, path.id);
  return ok(await detailFor(caller, student, await nationalNumberOf(student)));
});
