import { StudentInput } from '../../../shared/domain/students';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { changeStudent, nationalNumberOf } from '../../../shared/schools/students';
import { detailFor } from './detail';
import { studentPath } from './schemas';

export const handler = defineHandler(
  'students-update',
  { path: studentPath, body: StudentInput },
  async ({ caller, path, body }) => {
    const student = await changeStudent(caller, path.id, body, new Date());
    return ok(await detailFor(caller, student, await nationalNumberOf(student)));
  },
);
