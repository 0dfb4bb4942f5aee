import { defineHandler } from '#http/handler';
import { noContent } from '#http/responses';
import { removeStudent } from '#students/use-cases';

/** For a student entered by mistake; a student who quits is marked stopped instead. */
export const handler = defineHandler('students-delete', async ({ caller, path }) => {
  await removeStudent(caller, path.id);
  return noContent();
});
