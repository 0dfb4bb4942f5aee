import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { z } from '../../../shared/http/validation';
import { requestDetail } from '../../../shared/services/requests';

export const handler = defineHandler(
  'requests-get',
  { path: z.object({ studentId: z.string().min(1).max(64) }) },
  async ({ caller, path }) => ok(await requestDetail(caller, path.studentId, new Date())),
);
