import { conflict, notFound } from '#kernel/errors';
import { keys } from '#platform/table/keys';
import { linkedPeopleRepo } from './store';

/** A school's internship supervisor ("stagebegeleider"). */
export interface Supervisor {
  id: string;
  schoolId: string;
  name: string;
  phone: string;
  email: string;
  /** How many students are linked; kept in the same transactions that link them. */
  studentCount: number;
}

export const supervisors = linkedPeopleRepo<Supervisor>(keys.supervisor, 'studentCount');

/** Deletes a supervisor no student is linked to; otherwise says how many still are. */
export async function deleteSupervisor(schoolId: string, id: string): Promise<void> {
  const outcome = await supervisors.remove(schoolId, id);
  if (!outcome) throw notFound('Deze begeleider bestaat niet.');
  if (!outcome.deleted) {
    const n = outcome.links;
    throw conflict(
      `Deze begeleider is nog gekoppeld aan ${n} ${n === 1 ? 'leerling' : 'leerlingen'}. Koppel ${n === 1 ? 'die' : 'ze'} eerst aan een andere begeleider.`,
      { linkedStudents: n },
    );
  }
}
