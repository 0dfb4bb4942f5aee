import { supervisors } from '../../../shared/data/supervisors-repo';
import type { StoredStudent } from '../../../shared/domain/students';
import type { Caller } from '../../../shared/http/caller';
import { studentDetail } from '../../../shared/schools/views';

export async function detailFor(caller: Caller, student: StoredStudent, nationalNumber: string) {
  const byId = new Map((await supervisors.list(caller.organisationId)).map((s) => [s.id, s]));
  return studentDetail(student, nationalNumber, byId, new Date());
}
