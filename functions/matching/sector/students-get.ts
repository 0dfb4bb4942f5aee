import { StudentPath } from '#contract/students';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { adminStudentDetail } from '#sector/student-detail';

export const handler = defineHandler('admin-students-get', { path: StudentPath }, async ({ path }) =>
  ok(await adminStudentDetail(path.id, new Date())),
);
