import type { DecisionInput, DecisionStatus } from '#contract/decisions';
import type { Organisation } from '#contract/organisations';
import type { Caller } from '#http/caller';
import { businessRule, conflict, type FieldError, validationFailed } from '#kernel/errors';
import { contacts } from '#people/contacts';
import { mentorCapacity } from '#people/rules';
import type { StoredStudent } from '#students/rules';
import { getStudent } from '#students/store';
import { PLACED_ELSEWHERE, serviceOf, studentToDecideOn } from './access';
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

/**
 * A service's decision on a student. The transition rule (rules.ts) decides what may follow what;
 * the write is conditioned on the decision the rule saw, so a concurrent change makes us read and
 * judge again rather than write past it. Acceptance is exclusive and final (one transaction).
 */
export async function decide(caller: Caller, studentId: string, input: DecisionInput, now: Date) {
  const service = await serviceOf(caller);
  const student = await studentToDecideOn(service, studentId, now);
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await getDecision(studentId, service.id);
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
      const dual: DualAcceptance | undefined =
        student.track === 'dual'
          ? { mentorLimit: mentorCapacity(service.sector), keep: { invitedAt: stored?.invitedAt } }
          : undefined;
      return accept(caller, service, student, input, decision, dual, now);
    }
    const outcome = await recordDecision(
      decision,
      { status: current.status, exists: Boolean(stored) },
      verdict.choice,
    );
    if (outcome === 'recorded') return detailOf(service, student, now);
    // Changed in the meantime (another tab, a colleague): read again and judge again.
    const fresh = await getStudent(studentId);
    if (fresh?.placement?.serviceId === service.id) throw conflict(FINAL_MESSAGE);
  }
  throw conflict('Deze beslissing werd intussen door iemand anders gewijzigd. Laad de pagina opnieuw.');
}

async function accept(
  caller: Caller,
  service: Organisation,
  student: StoredStudent,
  input: Extract<DecisionInput, { status: 'accepted' }>,
  decision: Parameters<typeof acceptStudent>[0],
  dual: DualAcceptance | undefined,
  now: Date,
) {
  const requested = student.internship.periods.length;
  // Dual learners take on the whole request; the accept workflow names the periods.
  const periods = input.periods ?? (dual ? [...Array(requested).keys()] : undefined);
  const contact = await contacts.get(service.id, input.contactId);
  const problem = periods ? periodsProblem(periods, requested) : 'Kies de periode(s).';
  const problems: FieldError[] = [
    ...(contact
      ? []
      : [{ path: 'contactId', in: 'body' as const, message: 'Kies een contactpersoon van je dienst.' }]),
    ...(problem ? [{ path: 'periods', in: 'body' as const, message: problem }] : []),
  ];
  if (!contact || !periods || problems.length > 0) throw validationFailed(problems);
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
  try {
    await acceptStudent(decision, placement, contact.id, dual);
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
    const after = await getStudent(student.id);
    throw conflict(
      after?.placement?.serviceId === service.id
        ? FINAL_MESSAGE
        : after?.stoppedAt
          ? 'Deze leerling is intussen gestopt.'
          : PLACED_ELSEWHERE,
    );
  }
  return detailOf(service, { ...student, placement }, now);
}
