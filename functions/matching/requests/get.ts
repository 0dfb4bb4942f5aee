import { defineHandler } from '#http/hot-path-handler';
import { ok } from '#http/responses';
import { requestDetail } from '#requests/detail';

export const handler = defineHandler('requests-get', async ({ caller, path }) =>
  ok(await requestDetail(caller, path.studentId, new Date())),
);
