import { defineHandler } from '#http/handler';
import { accepted } from '#http/responses';
import { requestRelease } from '#requests/release-requests';

export const handler = defineHandler('requests-release-request', async ({ caller, path, body }) =>
  accepted(await requestRelease(caller, path.studentId, body.reason, new Date())),
);
