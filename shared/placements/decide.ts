import { audit } from '#audit/record';
import type { DecisionInput } from '#contract/decisions';
import type { Organisation } from '#contract/organisations';
import type { Caller } from '#http/caller';
import { conflict, notFound, validationFailed } from '#kernel/errors';
import { touchOrganisation } from '#organisations/store';
import type { Contact } from '#people/contacts';
import { getItems } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { phasesIn } from '#school-year/state';
import { loadCalendar } from '#school-year/store';
import { countedOf } from '#statistics/counted';
import type { StoredStudent } from '#students/rules';
import { getStudent } from '#students/store';
import { decidable, PLACED_ELSEWHERE, STOPPED } from './access';
import { AcceptanceRefused, acceptStudent, recordDecision } from './decisions-store';
import { detailOf } from './detail';
import { periodsProblem } from './rules';

const CHANGED =
  'De school heeft deze leerling net gewijzigd. Bekijk de gegevens opnieuw en aanvaard dan nog eens.';
const FINAL =
  'Je aanvaardde deze leerling al. Een aanvaarding is definitief en kan niet meer veranderd worden.';

/** A service's decision on a student; acceptance is exclusive and final (one transaction decides). */
export async function decide(caller: Caller, studentId: string, input: DecisionInput, now: Date) {
  const { service, student, contact } = await readForDecision(caller, studentId, input, now);
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
    await touchOrganisation(service.id, 'lastDecisionAt', decision.decidedAt);
    return detailOf(service, student, input.status);
  }

  const problem = periodsProblem(input.periods, student.internship.periods.length);
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
    await acceptStudent(decision, placement, contact.id, countedOf(student));
  } catch (error) {
    if (!(error instanceof AcceptanceRefused)) throw error;
    if (error.reason === 'contact') {
      throw validationFailed([
        { path: 'contactId', in: 'body', message: 'Kies een contactpersoon van je dienst.' },
      ]);
    }
    // The refused transaction hands back the student as it found them; read only when it did not.
    const after = error.student !== undefined ? error.student : await getStudent(studentId);
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
  const label = `${student.firstName} ${student.lastName}`;
  await Promise.all([
    touchOrganisation(service.id, 'lastDecisionAt', decision.decidedAt),
    audit(caller, 'acceptance', { kind: 'student', id: student.id, label }, { serviceId: service.id }, now),
  ]);
  return detailOf(service, { ...student, placement }, 'accepted');
}

/**
 * Everything a decision is checked against, in one strongly consistent batch read instead of one
 * read after another: the service, the student and the chosen contact; the calendar (the phases)
 * is read beside it, in parallel.
 * The same checks as `serviceOf`, `studentToDecideOn` and the contact lookup.
 */
async function readForDecision(caller: Caller, studentId: string, input: DecisionInput, now: Date) {
  const contactId = input.status === 'accepted' ? input.contactId : undefined;
  const [[service, stored, contact], calendar] = await Promise.all([
    getItems<[Organisation, StoredStudent, Contact | null]>(
      [
        keys.organisation(caller.organisationId),
        keys.student(studentId),
        // Without a contact to check, the service's own item stands in (and is read only once).
        contactId ? keys.contact(caller.organisationId, contactId) : keys.organisation(caller.organisationId),
      ],
      { consistent: true },
    ),
    loadCalendar(),
  ]);
  if (!service) throw notFound();
  const phase = stored ? phasesIn(calendar, stored.track, now) : 'closed';
  const student = decidable(stored, service, phase, now);
  return { service, student, contact: contactId ? (contact as Contact | null) : null };
}
