import { defineHandler } from '#http/handler';
import { noContent } from '#http/responses';
import { conflict, notFound } from '#kernel/errors';
import { supervisors } from '#people/supervisors';
import { supervisorPath } from './schemas';

export const handler = defineHandler(
  'supervisors-delete',
  { path: supervisorPath },
  async ({ caller, path }) => {
    const outcome = await supervisors.remove(caller.organisationId, path.id);
    if (!outcome) throw notFound('Deze begeleider bestaat niet.');
    if (!outcome.deleted) {
      const n = outcome.links;
      throw conflict(
        `Deze begeleider is nog gekoppeld aan ${n} ${n === 1 ? 'leerling' : 'leerlingen'}. Koppel ${n === 1 ? 'die' : 'ze'} eerst aan een andere begeleider.`,
        { linkedStudents: n },
      );
    }
    return noContent();
  },
);
