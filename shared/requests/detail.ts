import { audit } from '#audit/record';
import { formatNationalNumber } from '#contract/national-number';
import type { Organisation } from '#contract/organisations';
import type { DecisionStatus, StoredDecision } from '#contract/requests';
import type { Caller } from '#http/caller';
import type { Supervisor } from '#people/supervisors';
import type { StoredStudent } from '#students/rules';
import { nationalNumberOf } from '#students/use-cases';
import type { TrajectoryState } from '#trajectory/store';
import { hoursOf, summaryOf } from '#trajectory/use-cases';
import { serviceOf, visibleStudent } from './access';
import { getDecision } from './decisions-store';
import { allowedChoices, outcomeOverdue } from './rules';
import { listItem, supervisorsOf } from './views';
import { maySeePersonalData } from './visibility';

export async function requestDetail(caller: Caller, studentId: string, now: Date) {
  const service = await serviceOf(caller);
  const student = await visibleStudent(service, studentId, now);
  const detail = await detailOf(service, student, now);
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

/**
 * "Meer info": the list row plus remarks, and the personal data once this service may see them.
 * Right after a decision, that decision is `known`: no need to read it back; so may be the
 * supervisor and the hours (`preread`: what the decision read or holds already).
 */
export async function detailOf(
  service: Organisation,
  student: StoredStudent,
  now: Date,
  known?: Pick<StoredDecision, 'serviceId' | 'status' | 'decidedAt' | 'invitedAt'>,
  preread?: { supervisors: Promise<Map<string, Supervisor>>; trajectory: TrajectoryState },
) {
  const [decision, supervisors] = await Promise.all([
    known ?? getDecision(student.id, service.id),
    preread?.supervisors ?? supervisorsOf([student]),
  ]);
  const status: DecisionStatus =
    student.placement?.serviceId === service.id ? 'accepted' : (decision?.status ?? 'undecided');
  const supervisor = supervisors.get(`${student.schoolId}/${student.internship.supervisorId}`);
  const base = {
    ...listItem(student, status, supervisors),
    todo: outcomeOverdue(status, decision?.decidedAt, now),
    choices: allowedChoices(student.track, { status, invited: Boolean(decision?.invitedAt) }),
    invitedAt: decision?.invitedAt ?? null,
    remarks: student.remarks,
    internshipRemarks: student.internship.remarks,
    weekdays: student.internship.weekdays ?? [],
  };
  if (!maySeePersonalData(student, service.id, decision)) return { ...base, personal: null, placement: null };
  const ours = student.placement?.serviceId === service.id;
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
    // An invited dual learner placed by another service: personal data yes, their placement no.
    placement: ours ? (student.placement ?? null) : null,
    // After the match: the hours and the care-assistant rule, for the service that placed the student.
    hours: ours ? (preread ? summaryOf(student, preread.trajectory) : await hoursOf(student)) : null,
  };
}
