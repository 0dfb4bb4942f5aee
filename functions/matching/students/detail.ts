import type { Caller } from '#http/caller';
import { supervisors } from '#people/supervisors';
import type { StoredStudent } from '#students/rules';
import { studentDetail } from '#students/views';

export async function detailFor(caller: Caller, student: StoredStudent, nationalNumber: string) {
  const byId = new Map((await supervisors.list(caller.organisationId)).map((s) => [s.id, s]));
  return studentDetail(student, nationalNumber, byId, new Date());
}
