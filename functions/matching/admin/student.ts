import { StudentPath } from '#contract/students';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { adminStudentView } from '#placements/admin-view';

export const handler = defineHandler('admin-student-get', { path: StudentPath }, async ({ path }) =>
  ok(await adminStudentView(path.id)),
);
