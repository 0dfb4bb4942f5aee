import { audit } from '#audit/record';
import type { DecisionStatus } from '#contract/decisions';
import { formatNationalNumber } from '#contract/national-number';
import type { Organisation } from '#contract/organisations';
import type { Caller } from '#http/caller';
import type { StoredStudent } from '#students/rules';
import { nationalNumberOf } from '#students/use-cases';
import { hoursOf } from '#trajectory/use-cases';
import { serviceOf, visibleStudent } from './access';
import { decisionsOfService } from './decisions-store';
import { listItem, supervisorsOf } from './views';
import { maySeePersonalData } from './visibility';

export async function requestDetail(caller: Caller, studentId: string, now: Date) {
  const service = await serviceOf(caller);
  const student = await visibleStudent(service, studentId, now);
  const detail = await detailOf(service, student);
  if (detail.personal) {
    await audit(
      caller,
      'reveal',
      { kind: 'student', id: student.id, label: `${student.firstName} ${student.lastName}` },
      {
        fields: 'nationalNumber,email,phone',
        serviceId: service.id,
      },
      now,
    );
  }
  return detail;
}

/** "Meer info": the list row plus remarks, and the personal data once this service may see them. */
export async function detailOf(service: Organisation, student: StoredStudent, known?: DecisionStatus) {
  // Right after a decision its status is known: no need to read it back.
  const [status, supervisors] = await Promise.all([
    known ?? decisionsOfService(service.id).then((d) => d.get(student.id) ?? 'undecided'),
    supervisorsOf([student]),
  ]);
  const supervisor = supervisors.get(`${student.schoolId}/${student.internship.supervisorId}`);
  const base = {
    ...listItem(student, status, supervisors),
    remarks: student.remarks,
    internshipRemarks: student.internship.remarks,
    weekdays: student.internship.weekdays ?? [],
  };
  if (!maySeePersonalData(student, service.id)) return { ...base, personal: null, placement: null };
  return {
    ...base,
    personal: {
      nationalNumber: formatNationalNumber(await nationalNumberOf(student)),
      email: student.email,
      phone: student.phone,
      supervisor: supervisor
        ? { name: supervisor.name, email: supervisor.email, phone: supervisor.phone }
        : null,
    },
    placement: student.placement ?? null,
    // After the match: the hours and the care-assistant rule, for the service that placed the student.
    hours: student.placement?.serviceId === service.id ? await hoursOf(student) : null,
  };
}
