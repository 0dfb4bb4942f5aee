import { AdminStudentQuery } from '#contract/sector';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { listAllStudents } from '#sector/all-students';

export const handler = defineHandler('admin-students-list', { query: AdminStudentQuery }, async ({ query }) =>
  ok(await listAllStudents(query, new Date())),
);
