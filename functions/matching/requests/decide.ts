import { DecisionInput } from '../../../shared/domain/decisions';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { z } from '../../../shared/http/validation';
import { decide } from '../../../shared/services/requests';

export const handler = defineHandler(
  'requests-decide',
  { path: z.object({ studentId: z.string().min(1).max(64) }), body: DecisionInput },
  async ({ caller, path, body }) => ok(await decide(caller, path.studentId, body, new Date())),
);
