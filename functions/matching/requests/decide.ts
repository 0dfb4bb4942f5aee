import { DecisionInput } from '#contract/requests';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import * as z from '#kernel/zod';
import { decide } from '#requests/decide';

export const handler = defineHandler(
  'requests-decide',
  { path: z.object({ studentId: z.string().min(1).max(64) }), body: DecisionInput },
  async ({ caller, path, body }) => ok(await decide(caller, path.studentId, body, new Date())),
);
