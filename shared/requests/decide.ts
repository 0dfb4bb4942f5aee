import { auditEntry } from '#audit/record';
import { auditEntryPut } from '#audit/store';
import type { Organisation } from '#contract/organisations';
import type { DecisionInput, DecisionStatus, StoredDecision } from '#contract/requests';
import { refuseIfArchived, servedYearEntry } from '#http/archived-year';
import type { Caller } from '#http/caller';
import {
  businessRule,
  conflict,
  type FieldError,
  HttpError,
  notFound,
  validationFailed,
} from '#kernel/errors';
import { decisionMoment } from '#organisations/store';
import type { Contact } from '#people/contacts';
import { mentorRead } from '#people/mentor-slots';
import { recentSupervisor, recentSupervisors } from '#people/recent-supervisors';
import { mentorCapacity } from '#people/rules';
import { count, countBy, FIGURES } from '#platform/metrics';
import { getItems } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { phasesIn } from '#school-year/state';
import { recentCalendar } from '#school-year/store';
import { countedOf } from '#statistics/counted';
import { acceptedNews, newsPut, recordInvited, recordOutcome } from '#students/news';
import type { StoredStudent } from '#students/rules';
import { getStudent } from '#students/store';
import { type TrajectoryState, toState } from '#trajectory/store';
import { decidable, PLACED_ELSEWHERE, STOPPED } from './access';
import {
  AcceptanceRefused,
  acceptStudent,
  type DualAcceptance,
  getDecision,
  recordDecision,
} from './decisions-store';
import { detailOf } from './detail';
import { FINAL_MESSAGE, periodsProblem, transition } from './rules';

const SECTOR_LABEL = {
  social_profit: 'social-profitdienst',
  local_government: 'dienst van een lokaal bestuur',
};

const CHANGED =
  'De school heeft deze leerling net gewijzigd. Bekijk de gegevens opnieuw en aanvaard dan nog eens.';

/**
 * A service's decision on a student. The transition rule (rules.ts) decides what may follow what;
 * the write is conditioned on the decision the rule saw, so a concurrent change makes us read and
 * judge again rather than write past it. Acceptance is exclusive and final (one transaction).
 */
export async function decide(caller: Caller, studentId: string, input: DecisionInput, now: Date) {
  try {
    return await decideOnce(caller, studentId, input, now);
  } catch (error) {
    // An acceptance answered 409 lost a race: for the student, or for the mentor's last slot.
    if (input.status === 'accepted' && error instanceof HttpError && error.status === 409)
      count(FIGURES.acceptanceConflicts);
    throw error;
  }
}

async function decideOnce(caller: Caller, studentId: string, input: DecisionInput, now: Date) {
  const read = await readForDecision(caller, studentId, input, now);
  const { service, student } = read;
  let stored = read.decision;
  for (let attempt = 0; attempt < 5; attempt++) {
    // The first judgement uses the batch read; after a refused write, this decision is read again.
    if (attempt > 0) stored = await getDecision(studentId, service.id);
    const current = {
      status: (student.placement?.serviceId === service.id
        ? 'accepted'
        : (stored?.status ?? 'undecided')) as DecisionStatus,
      invited: Boolean(stored?.invitedAt),
    };
    const verdict = transition(student.track, current, input.status);
    if (!verdict.ok) {
      if (verdict.kind === 'wrong-workflow')
        throw validationFailed([{ path: 'status', in: 'body', message: verdict.message }]);
      if (verdict.kind === 'final') throw conflict(verdict.message);
      throw businessRule(verdict.message, { status: input.status, current: current.status });
    }
    const decision = {
      studentId,
      serviceId: service.id,
      status: input.status,
      decidedAt: now.toISOString(),
      decidedBy: caller.userId,
      track: student.track,
      serviceName: service.name,
    };
    if (input.status === 'accepted') {
      return accept(caller, read, input, decision, stored, now);
    }
    const supervisors = supervisorOf(student);
    const outcome = await recordDecision(
      decision,
      { status: current.status, exists: Boolean(stored) },
      verdict.choice,
      decisionMoment(service, decision.decidedAt),
    );
    if (outcome === 'recorded') {
      countBy(FIGURES.decisions, 'status', input.status);
      await tellSchool(student, service, input.status, decision.decidedAt);
      // The decision just written is known: no need to read it back.
      const invitedAt = stored?.invitedAt ?? (input.status === 'invited' ? decision.decidedAt : undefined);
      return detailOf(
        service,
        student,
        now,
        { ...decision, invitedAt },
        { supervisors, trajectory: read.trajectory },
      );
    }
    // Changed in the meantime (another tab, a colleague): read again and judge again.
    const fresh = await getStudent(studentId);
    if (fresh?.placement?.serviceId === service.id) throw conflict(FINAL_MESSAGE);
  }
  throw conflict('Deze beslissing werd intussen door iemand anders gewijzigd. Laad de pagina opnieuw.');
}

/** Dual: an invitation, and an interview's outcome without a place, go to the school once each. */
async function tellSchool(student: StoredStudent, service: Organisation, status: DecisionStatus, at: string) {
  if (status === 'invited') await recordInvited(student, service, at);
  if (status === 'not_accepted' || status === 'no_show') {
    if (student.track === 'dual') await recordOutcome(student, service, status, at);
  }
}

/**
 * The student's supervisor for the answer: this container's copy when its list just showed the
 * student, else read beside the write (not after it), so the answer waits for one round trip.
 */
function supervisorOf(student: StoredStudent) {
  const copy = recentSupervisor(student.schoolId, student.internship.supervisorId);
  const key = `${student.schoolId}/${student.internship.supervisorId}`;
  const read =
    copy !== undefined
      ? Promise.resolve(new Map(copy ? [[key, copy]] : []))
      : recentSupervisors([{ schoolId: student.schoolId, supervisorId: student.internship.supervisorId }]);
  // Awaited only when the write goes through; a refused write must not leave it unhandled.
  read.catch(() => {});
  return read;
}

async function accept(
  caller: Caller,
  read: Awaited<ReturnType<typeof readForDecision>>,
  input: Extract<DecisionInput, { status: 'accepted' }>,
  decision: Parameters<typeof acceptStudent>[0],
  stored: StoredDecision | null,
  now: Date,
) {
  const { service, student, contact } = read;
  const requested = student.internship.periods.length;
  // Dual learners take on the whole request; the accept workflow names the periods.
  const periods = input.periods ?? (student.track === 'dual' ? [...Array(requested).keys()] : undefined);
  const problem = periods ? periodsProblem(periods, requested) : 'Kies de periode(s).';
  const problems: FieldError[] = [
    ...(contact
      ? []
      : [{ path: 'contactId', in: 'body' as const, message: 'Kies een contactpersoon van je dienst.' }]),
    ...(problem ? [{ path: 'periods', in: 'body' as const, message: problem }] : []),
  ];
  if (!contact || !periods || problems.length > 0) throw validationFailed(problems);
  // A dual learner takes a slot of the mentor, counted from the contact item as read above.
  const dual: DualAcceptance | undefined =
    student.track === 'dual'
      ? {
          mentorLimit: mentorCapacity(service.sector),
          mentor: mentorRead(contact),
          keep: { invitedAt: stored?.invitedAt },
        }
      : undefined;
  const placement = {
    serviceId: service.id,
    serviceName: service.name,
    contact: { name: contact.name, phone: contact.phone, email: contact.email },
    contactId: contact.id,
    periods,
    notes: input.notes,
    acceptedAt: now.toISOString(),
    acceptedBy: caller.userId,
  };
  const supervisors = supervisorOf(student);
  try {
    // The acceptance, its audit entry and the service's decision moment (a hint) are one write: no
    // acceptance goes unrecorded, and nothing is left for after the answer.
    const label = `${student.firstName} ${student.lastName}`;
    const entry = auditEntry(
      caller,
      'acceptance',
      { kind: 'student', id: student.id, label, provinces: [student.province] },
      { serviceId: service.id },
      now,
    );
    // The school hears of it once: the event is written with the acceptance, or not at all.
    await acceptStudent(decision, placement, contact.id, countedOf(student), dual, [
      auditEntryPut(entry),
      ...decisionMoment(service, decision.decidedAt),
      newsPut(acceptedNews(student, placement, placement.acceptedAt)),
    ]);
  } catch (error) {
    if (!(error instanceof AcceptanceRefused)) throw error;
    if (error.reason === 'contact') {
      throw validationFailed([
        { path: 'contactId', in: 'body', message: 'Kies een contactpersoon van je dienst.' },
      ]);
    }
    if (error.reason === 'mentor-full' && dual) {
      const sector = SECTOR_LABEL[service.sector ?? 'social_profit'];
      throw businessRule(
        `${contact.name} begeleidt al ${dual.mentorLimit} duaal lerenden: dat is het maximum voor een mentor bij een ${sector}. Kies een andere mentor.`,
        { contactId: contact.id, mentor: contact.name, limit: dual.mentorLimit },
      );
    }
    if (error.reason === 'mentor-changed') {
      throw conflict(
        `De leerlingen van ${contact.name} veranderden net een paar keer na elkaar. Probeer opnieuw te aanvaarden.`,
      );
    }
    // The refused transaction hands back the student as it found them; read only when it did not.
    const after = error.student !== undefined ? error.student : await getStudent(student.id);
    throw conflict(
      after?.placement?.serviceId === service.id
        ? FINAL_MESSAGE
        : after?.stoppedAt
          ? STOPPED
          : after?.placement
            ? PLACED_ELSEWHERE
            : CHANGED,
    );
  }
  count(FIGURES.acceptances);
  countBy(FIGURES.decisions, 'status', 'accepted');
  return detailOf(
    service,
    { ...student, placement },
    now,
    { ...decision, invitedAt: stored?.invitedAt },
    { supervisors, trajectory: read.trajectory },
  );
}

/**
 * Everything a decision is checked against, in one strongly consistent batch read instead of one
 * read after another: the service, the student, this service's current decision on the student,
 * the chosen contact and the student's trajectory (the hours an accepting service sees at once),
 * and the year's registry entry: an archived year answers 409 here, without a read of its own (the
 * write is conditioned on it as well). The calendar (the phases) is this container's recent read
 * (`recentCalendar`). The same checks as the list's and the detail's (`decidable`), and the contact
 * lookup.
 */
async function readForDecision(caller: Caller, studentId: string, input: DecisionInput, now: Date) {
  const contactId = input.status === 'accepted' ? input.contactId : undefined;
  const [[service, stored, decision, contact, trajectory, year], calendar] = await Promise.all([
    getItems<
      [
        Organisation,
        StoredStudent,
        StoredDecision,
        Contact | null,
        Record<string, unknown>,
        { status?: string },
      ]
    >(
      [
        keys.organisation(caller.organisationId),
        keys.student(studentId),
        keys.decision(studentId, caller.organisationId),
        // Without a contact to check, the service's own item stands in (and is read only once).
        contactId ? keys.contact(caller.organisationId, contactId) : keys.organisation(caller.organisationId),
        keys.trajectory(studentId),
        servedYearEntry(),
      ],
      { consistent: true },
    ),
    recentCalendar(),
  ]);
  refuseIfArchived(year);
  if (!service) throw notFound();
  const phase = stored ? phasesIn(calendar, stored.track, now) : 'closed';
  const student = decidable(stored, service, phase, now);
  return {
    service,
    student,
    decision,
    contact: contactId ? (contact as Contact | null) : null,
    trajectory: toState(studentId, trajectory) as TrajectoryState,
  };
}
