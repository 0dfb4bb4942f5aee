import { defineHandler } from '#http/hot-path-handler';
import { ok } from '#http/responses';
import { decide } from '#requests/decide';

export const handler = defineHandler('requests-decide', async ({ caller, path, body }) =>
  ok(await decide(caller, path.studentId, body, new Date())),
);
