import { revealPersonalData } from '#admin/student-detail';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-students-reveal', async ({ caller, path }) =>
  ok(await revealPersonalData(caller, path.id, new Date())),
);
