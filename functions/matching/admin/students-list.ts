import { listAllStudents } from '#admin/all-students';
import { AdminStudentQuery } from '#contract/admin';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-students-list', { query: AdminStudentQuery }, async ({ query }) =>
  ok(await listAllStudents(query, new Date())),
);
