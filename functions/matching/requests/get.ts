import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import * as z from '#kernel/zod';
import { requestDetail } from '#requests/detail';

export const handler = defineHandler(
  'requests-get',
  { path: z.object({ studentId: z.string().min(1).max(64) }) },
  async ({ caller, path }) => ok(await requestDetail(caller, path.studentId, new Date())),
);
