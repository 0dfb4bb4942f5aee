import { audit } from '#audit/record';
import { formatNationalNumber } from '#contract/national-number';
import type { Organisation } from '#contract/organisations';
import type { ReleaseRequest } from '#contract/releases';
import type { DecisionStatus, StoredDecision } from '#contract/requests';
import type { Caller } from '#http/caller';
import { notFound } from '#kernel/errors';
import type { Supervisor } from '#people/supervisors';
import { getItems } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { phasesIn } from '#school-year/state';
import { recentCalendar } from '#school-year/store';
import type { StoredStudent } from '#students/rules';
import { nationalNumberOf } from '#students/use-cases';
import { type TrajectoryState, toState } from '#trajectory/store';
import { hoursOf, summaryOf } from '#trajectory/use-cases';
import { visibleOf } from './access';
import { getDecision } from './decisions-store';
import { allowedChoices, outcomeOverdue } from './rules';
import { listItem, supervisorsOf } from './views';
import { maySeePersonalData } from './visibility';

/**
 * "Meer info" of one student for a service: the service, the student, this service's decision and
 * the student's hours in one strongly consistent batch read, the calendar as recently read (as for a
 * decision), then the supervisor fresh.
 */
export async function requestDetail(caller: Caller, studentId: string, now: Date) {
  const [[service, stored, decision, trajectory, release], calendar] = await Promise.all([
    getItems<[Organisation, StoredStudent, StoredDecision, Record<string, unknown>, ReleaseRequest]>(
      [
        keys.organisation(caller.organisationId),
        keys.student(studentId),
        keys.decision(studentId, caller.organisationId),
        keys.trajectory(studentId),
        keys.releaseRequest(studentId),
      ],
      { consistent: true },
    ),
    recentCalendar(),
  ]);
  if (!service) throw notFound();
  const student = visibleOf(stored, service, stored ? phasesIn(calendar, stored.track, now) : 'closed', now);
  const detail = await detailOf(service, student, now, decision, {
    supervisors: supervisorsOf([student]),
    trajectory: toState(studentId, trajectory),
  });
  if (detail.personal) {
    await audit(
      caller,
      'reveal',
      {
        kind: 'student',
        id: student.id,
        label: `${student.firstName} ${student.lastName}`,
        provinces: [student.province],
      },
      {
        fields: 'nationalNumber,email,phone,street',
        serviceId: service.id,
      },
      now,
    );
  }
  // The service that holds the placement sees its request to release it, and the sector's answer.
  const ours = student.placement?.serviceId === service.id && release?.serviceId === service.id;
  return { ...detail, releaseRequest: ours ? release : null };
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
  /** The decision already read or written (null: this service never decided on the student). */
  known?: Pick<StoredDecision, 'serviceId' | 'status' | 'decidedAt' | 'invitedAt'> | null,
  preread?: { supervisors: Promise<Map<string, Supervisor>>; trajectory: TrajectoryState },
) {
  const [decision, supervisors] = await Promise.all([
    known === undefined ? getDecision(student.id, service.id) : known,
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
      street: student.address.street,
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
