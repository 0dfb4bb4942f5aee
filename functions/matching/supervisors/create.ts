import { newId } from '../../../shared/data/ids';
import { supervisors } from '../../../shared/data/supervisors-repo';
import { defineHandler } from '../../../shared/http/handler';
import { created } from '../../../shared/http/responses';
import { SupervisorInput } from './schemas';

export const handler = defineHandler(
  'supervisors-create',
  { body: SupervisorInput },
  async ({ caller, body }) => {
    const supervisor = { id: newId(), schoolId: caller.organisationId, ...body, studentCount: 0 };
    await supervisors.put(caller.organisationId, supervisor);
    return created(supervisor);
  },
);
