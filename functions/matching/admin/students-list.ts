import { listAllStudents } from '#admin/all-students';
import { defineHandler } from '#http/handler';
import { regionOf } from '#http/region';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-students-list', async ({ caller, query }) =>
  ok(await listAllStudents(query, new Date(), regionOf(caller))),
);
