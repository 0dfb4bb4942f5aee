import { declineRelease } from '#admin/release';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('admin-release-decline', async ({ caller, path, body }) =>
  ok(await declineRelease(caller, path.id, body.reason, new Date())),
);
