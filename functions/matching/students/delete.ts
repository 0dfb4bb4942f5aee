import { defineHandler } from '../../../shared/http/handler';
import { noContent } from '../../../shared/http/responses';
import { removeStudent } from '../../../shared/schools/students';
import { studentPath } from './schemas';

/** For a student entered by mistake; a student who quits is marked stopped instead. */
export const handler = defineHandler('students-delete', { path: studentPath }, async ({ caller, path }) => {
  await removeStudent(caller, path.id);
  return noContent();
});
