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
