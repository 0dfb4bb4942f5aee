import type { Caller } from '#http/caller';
import { supervisors } from '#people/supervisors';
import { invitationsOf } from '#requests/school-view';
import { recentCalendar } from '#school-year/store';
import type { StoredStudent } from '#students/rules';
import { shownOf } from '#students/shown';
import { studentDetail } from '#students/views';
import { hoursOf } from '#trajectory/use-cases';

export async function detailFor(caller: Caller, student: StoredStudent, nationalNumber: string) {
  const [list, invitations, hours, calendar] = await Promise.all([
    supervisors.list(caller.organisationId),
    student.track === 'dual' ? invitationsOf(student.id) : Promise.resolve([]),
    hoursOf(student),
    recentCalendar(),
  ]);
  const byId = new Map(list.map((s) => [s.id, s]));
  return {
    ...studentDetail(student, nationalNumber, byId, new Date()),
    ...shownOf(student, calendar),
    invitations,
    hours,
  };
}
