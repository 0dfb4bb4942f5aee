import { supervisors } from '../../../shared/data/supervisors-repo';
import { notFound } from '../../../shared/http/errors';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { SupervisorInput, supervisorPath } from './schemas';

export const handler = defineHandler(
  'supervisors-update',
  { path: supervisorPath, body: SupervisorInput },
  async ({ caller, path, body }) => {
    // The key includes the caller's school: another school's supervisor is simply not there.
    const supervisor = await supervisors.update(caller.organisationId, path.id, body);
    if (!supervisor) throw notFound('Deze begeleider bestaat niet.');
    return ok(supervisor);
  },
);
