import { StudentInput } from '../../../shared/domain/students';
import { defineHandler } from '../../../shared/http/handler';
import { created } from '../../../shared/http/responses';
import { enterStudent, nationalNumberOf } from '../../../shared/schools/students';
import { detailFor } from './detail';

export const handler = defineHandler('students-create', { body: StudentInput }, async ({ caller, body }) => {
  const student = await enterStudent(caller, body, new Date());
  return created(await detailFor(caller, student, await nationalNumberOf(student)));
});
