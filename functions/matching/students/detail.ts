import type { Caller } from '#http/caller';
import { supervisors } from '#people/supervisors';
import type { StoredStudent } from '#students/rules';
import { studentDetail } from '#students/views';
import { hoursOf } from '#trajectory/use-cases';

export async function detailFor(caller: Caller, student: StoredStudent, nationalNumber: string) {
  const byId = new Map((await supervisors.list(caller.organisationId)).map((s) => [s.id, s]));
  return { ...studentDetail(student, nationalNumber, byId, new Date()), hours: await hoursOf(student) };
}
