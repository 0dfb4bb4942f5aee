import { adminStudentDetail } from '#admin/student-detail';
import { defineHandler } from '#http/handler';
import { regionOf } from '#http/region';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-students-get', async ({ caller, path }) =>
  ok(await adminStudentDetail(path.id, new Date(), regionOf(caller))),
);
