import { listAllStudents } from '#admin/all-students';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-students-list', async ({ query }) =>
  ok(await listAllStudents(query, new Date())),
);
