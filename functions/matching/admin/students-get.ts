import { adminStudentDetail } from '#admin/student-detail';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-students-get', async ({ path }) =>
  ok(await adminStudentDetail(path.id, new Date())),
);
