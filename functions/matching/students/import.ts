import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { importStudents } from '#imports/students';

export const handler = defineHandler('students-import', async ({ caller, body }) =>
  ok(await importStudents(caller, body, new Date())),
);
