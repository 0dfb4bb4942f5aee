import { StudentImportInput } from '#contract/student-imports';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { importStudents } from '#imports/students';

export const handler = defineHandler(
  'students-import',
  { body: StudentImportInput },
  async ({ caller, body }) => ok(await importStudents(caller, body, new Date())),
);
