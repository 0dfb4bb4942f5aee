import { adminStudentDetail } from '#admin/student-detail';
import { StudentPath } from '#contract/students';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-students-get', { path: StudentPath }, async ({ path }) =>
  ok(await adminStudentDetail(path.id, new Date())),
);
