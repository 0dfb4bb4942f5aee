import type { DecisionInput } from '#contract/decisions';
import type { Caller } from '#http/caller';
import { conflict, validationFailed } from '#kernel/errors';
import { contacts } from '#people/contacts';
import { getStudent } from '#students/store';
import { PLACED_ELSEWHERE, STOPPED, serviceOf, studentToDecideOn } from './access';
import { AcceptanceRefused, acceptStudent, recordDecision } from './decisions-store';
import { detailOf } from './detail';
import { periodsProblem } from './rules';

const CHANGED =
  'De school heeft deze leerling net gewijzigd. Bekijk de gegevens opnieuw en aanvaard dan nog eens.';
const FINAL =
  'Je aanvaardde deze leerling al. Een aanvaarding is definitief en kan niet meer veranderd worden.';

/** A service's decision on a student; acceptance is exclusive and final (one transaction decides). */
export async function decide(caller: Caller, studentId: string, input: DecisionInput, now: Date) {
  const service = await serviceOf(caller);
  const student = await studentToDecideOn(service, studentId, now);
  if (student.placement?.serviceId === service.id) throw conflict(FINAL);
  const decision = {
    studentId,
    serviceId: service.id,
    status: input.status,
    decidedAt: now.toISOString(),
    decidedBy: caller.userId,
  };

  if (input.status !== 'accepted') {
    if (!(await recordDecision(decision))) throw conflict(FINAL);
    return detailOf(service, student);
  }

  const [contact, problem] = [
    await contacts.get(service.id, input.contactId),
    periodsProblem(input.periods, student.internship.periods.length),
  ];
  if (!contact || problem) {
    throw validationFailed([
      ...(contact
        ? []
        : [{ path: 'contactId', in: 'body' as const, message: 'Kies een contactpersoon van je dienst.' }]),
      ...(problem ? [{ path: 'periods', in: 'body' as const, message: problem }] : []),
    ]);
  }
  const placement = {
    serviceId: service.id,
    serviceName: service.name,
    contact: { name: contact.name, phone: contact.phone, email: contact.email },
    periods: input.periods,
    notes: input.notes,
    acceptedAt: now.toISOString(),
    acceptedBy: caller.userId,
  };
  try {
    await acceptStudent(decision, placement, contact.id, student.version);
  } catch (error) {
    if (!(error instanceof AcceptanceRefused)) throw error;
    if (error.reason === 'contact') {
      throw validationFailed([
        { path: 'contactId', in: 'body', message: 'Kies een contactpersoon van je dienst.' },
      ]);
    }
    const after = await getStudent(studentId);
    throw conflict(
      after?.placement?.serviceId === service.id
        ? FINAL
        : after?.stoppedAt
          ? STOPPED
          : after?.placement
            ? PLACED_ELSEWHERE
            : CHANGED,
    );
  }
  return detailOf(service, { ...student, placement });
}
