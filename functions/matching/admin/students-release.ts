import { releasePlacement } from '#admin/release';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-students-release', async ({ caller, path, body }) =>
  ok(await releasePlacement(caller, path.id, body.reason, new Date())),
);
