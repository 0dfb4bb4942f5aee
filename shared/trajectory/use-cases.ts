import type {
  DualReportRow,
  Evaluation,
  EvaluationInput,
  HoursEntry,
  HoursInput,
  HoursSummary,
  TrainingContract,
  Trajectory,
} from '#contract/trajectory';
import type { Caller } from '#http/caller';
import { businessRule, conflict, notFound, validationFailed } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { brusselsDate, dutchDate } from '#kernel/time';
import { getOrganisation } from '#organisations/store';
import { contacts } from '#people/contacts';
import { mentorRead } from '#people/mentor-slots';
import { currentLearners, holdsSlot, mentorCapacity } from '#people/rules';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import type { StoredStudent } from '#students/rules';
import { decisionsOfService, getStudent, mentorOf } from '#students/store';
import {
  brusselsDay,
  careAssistantRule,
  finalEvaluationAllowed,
  remoteSupervisionAllowed,
  sumByContext,
  trajectoryMayComplete,
} from './rules';
import {
  addEvaluation,
  addHours,
  evaluationsOf,
  hoursOfStudent,
  MentorChangedMeanwhile,
  markCompleted,
  StudentChangedMeanwhile,
  setRemoteSupervision,
  setTrainingContract,
  TrajectoryClosed,
  type TrajectoryState,
  trajectoriesOf,
  trajectoryOf,
} from './store';

type Side = 'school' | 'service';

const NOT_FOUND = 'Deze leerling bestaat niet of is niet bij jullie geplaatst.';
const CLOSED = 'Het traject van deze leerling is afgerond: er kan niets meer bij.';
const REMOTE_REFUSED =
  'Stage onder verwijderd toezicht ("op afstand") kan pas na een positieve tussentijdse evaluatie.';

/** The student and from which side the caller follows them: their school, or the service that placed them. */
export async function followedStudent(
  caller: Caller,
  studentId: string,
): Promise<{ student: StoredStudent; side: Side }> {
  const student = await getStudent(studentId);
  if (student && caller.role === 'school' && student.schoolId === caller.organisationId) {
    return { student, side: 'school' };
  }
  if (student && caller.role === 'service' && student.placement?.serviceId === caller.organisationId) {
    return { student, side: 'service' };
  }
  throw notFound(NOT_FOUND);
}

export function summaryOf(student: StoredStudent, state: Pick<TrajectoryState, 'byContext'>): HoursSummary {
  const { total, byContext } = sumByContext(
    Object.entries(state.byContext).map(([context, hours]) => ({
      context: context as HoursEntry['context'],
      hours,
    })),
  );
  return { total, planned: student.internship.totalHours, byContext, rule: careAssistantRule(byContext) };
}

/** `hours: { total, byContext, rule }` for a student's detail, seen by the school or the service. */
export async function hoursOf(student: StoredStudent): Promise<HoursSummary> {
  return summaryOf(student, await trajectoryOf(student.id));
}

/** Hours and the rule per student for a list: one batched read. */
export async function hoursOfMany(studentIds: string[]): Promise<Map<string, Omit<HoursSummary, 'planned'>>> {
  const states = await trajectoriesOf(studentIds);
  return new Map(
    studentIds.map((id) => {
      const { byContext } = states.get(id) ?? { byContext: sumByContext([]).byContext };
      const { total } = sumByContext(
        Object.entries(byContext).map(([context, hours]) => ({
          context: context as HoursEntry['context'],
          hours,
        })),
      );
      return [id, { total, byContext, rule: careAssistantRule(byContext) }];
    }),
  );
}

function closedOr(error: unknown): never {
  if (error instanceof TrajectoryClosed) throw conflict(CLOSED);
  throw error;
}

export async function recordHours(caller: Caller, studentId: string, input: HoursInput, now: Date) {
  const { student, side } = await followedStudent(caller, studentId);
  const problems = [];
  if (side === 'service' && input.context && input.context !== 'home_care') {
    problems.push({
      path: 'context',
      in: 'body' as const,
      message: 'Een dienst registreert enkel uren in de thuiszorg.',
    });
  }
  if (side === 'school' && !input.context) {
    problems.push({
      path: 'context',
      in: 'body' as const,
      message: 'Kies de context waarin de uren gepresteerd werden.',
    });
  }
  if (input.date > brusselsDay(now)) {
    problems.push({ path: 'date', in: 'body' as const, message: 'De datum ligt in de toekomst.' });
  }
  if (problems.length > 0) throw validationFailed(problems);
  const entry: HoursEntry = {
    id: newId(now.getTime()),
    studentId,
    date: input.date,
    hours: input.hours,
    context: side === 'service' ? 'home_care' : (input.context ?? 'other'),
    note: input.note,
    by: side,
    organisationId: caller.organisationId,
    recordedAt: now.toISOString(),
  };
  await addHours(entry).catch(closedOr);
  return { entry, hours: await hoursOf(student) };
}

function lastPeriodEnd(student: StoredStudent): string | undefined {
  const taken = student.placement?.periods ?? [];
  return taken
    .map((i) => student.internship.periods[i]?.end)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
}

export async function evaluate(caller: Caller, studentId: string, input: EvaluationInput, now: Date) {
  const { student, side } = await followedStudent(caller, studentId);
  if (input.kind === 'final' && side === 'school') {
    throw businessRule('De eindevaluatie geeft de dienst; de school rondt daarna het traject af.');
  }
  if (input.kind === 'final' && !finalEvaluationAllowed(lastPeriodEnd(student), brusselsDay(now))) {
    const end = lastPeriodEnd(student);
    throw businessRule(
      end
        ? `De eindevaluatie kan pas op het einde van de laatste stageperiode (${dutchDate(end)}).`
        : 'De eindevaluatie kan pas na de laatste stageperiode.',
    );
  }
  const evaluation: Evaluation = {
    id: newId(now.getTime()),
    kind: input.kind,
    verdict: input.verdict,
    text: input.text,
    by: side,
    organisationName: side === 'school' ? student.schoolName : (student.placement?.serviceName ?? ''),
    authorName: caller.name,
    at: now.toISOString(),
  };
  await addEvaluation(studentId, evaluation).catch(closedOr);
  return evaluation;
}

export async function changeRemoteSupervision(caller: Caller, studentId: string, on: boolean, now: Date) {
  const { side } = await followedStudent(caller, studentId);
  if (side !== 'service') throw notFound(NOT_FOUND);
  if (on && !remoteSupervisionAllowed(await evaluationsOf(studentId))) throw businessRule(REMOTE_REFUSED);
  await setRemoteSupervision(studentId, on, now.toISOString()).catch(closedOr);
  return { on, since: on ? now.toISOString() : null };
}

export async function completeTrajectory(caller: Caller, studentId: string, now: Date) {
  const { side } = await followedStudent(caller, studentId);
  if (side !== 'school') throw notFound(NOT_FOUND);
  if (!trajectoryMayComplete(await evaluationsOf(studentId))) {
    throw businessRule(
      'Het traject kan pas afgerond worden als er een tussentijdse evaluatie en de eindevaluatie van de dienst zijn.',
    );
  }
  await markCompleted(studentId, now.toISOString()).catch(closedOr);
  return { completedAt: now.toISOString() };
}

const CONTRACT_CHANGED =
  'De overeenkomst van deze leerling werd intussen door iemand anders gewijzigd. Laad de pagina opnieuw en kijk ze na.';

/**
 * The training contract of a placed dual learner. Its end date decides whether the learner still
 * takes a slot of their mentor (see `#people/mentor-slots`): an end date before today frees it, a
 * later one keeps it or takes it back, refused (422) when the mentor is full meanwhile. The write
 * is conditional on the student as read: a concurrent change answers 409.
 */
export async function recordTrainingContract(
  caller: Caller,
  studentId: string,
  contract: TrainingContract,
  now: Date,
) {
  for (let attempt = 0; ; attempt++) {
    const { student, side } = await followedStudent(caller, studentId);
    if (side !== 'service') throw notFound(NOT_FOUND);
    if (student.track !== 'dual')
      throw businessRule('Een overeenkomst alternerende opleiding hoort enkel bij duaal leren.');
    const slot = await mentorSlotFor(student, contract.end, now);
    try {
      await setTrainingContract(student, caller.organisationId, contract, slot);
      return contract;
    } catch (error) {
      if (error instanceof StudentChangedMeanwhile) {
        const fresh = await getStudent(studentId);
        if (fresh?.placement?.serviceId !== caller.organisationId) throw notFound(NOT_FOUND);
        throw conflict(CONTRACT_CHANGED);
      }
      // Another learner of the mentor came or went while we counted: count again.
      if (error instanceof MentorChangedMeanwhile && attempt < 3) continue;
      if (error instanceof MentorChangedMeanwhile) throw conflict(CONTRACT_CHANGED);
      throw error;
    }
  }
}

/**
 * What a new contract end means for the learner's mentor: nothing for a learner who stopped (they
 * hold no slot; resuming counts their contract then), else their entry with the new end, which
 * takes a slot when the learner did not hold one and the new end has not passed. Refused when the
 * mentor has no room for that.
 */
async function mentorSlotFor(student: StoredStudent, end: string, now: Date) {
  const mentor = mentorOf(student);
  if (!mentor || student.stoppedAt) return undefined;
  const [service, contact] = await Promise.all([
    getOrganisation(mentor.serviceId),
    contacts.get(mentor.serviceId, mentor.contactId),
  ]);
  if (!contact) return undefined;
  const today = brusselsDate(now);
  const learners = contact.learners ?? {};
  const held = student.id in learners && holdsSlot(learners[student.id], today);
  const takes = !held && holdsSlot(end, today);
  const limit = mentorCapacity(service?.sector);
  if (takes && currentLearners(learners, today, student.id) >= limit) {
    throw businessRule(
      `Met deze einddatum loopt de overeenkomst weer, maar ${contact.name} begeleidt al ${limit} duaal lerenden: het maximum voor een mentor. Maak eerst een plaats vrij bij deze mentor.`,
      { mentor: contact.name, limit },
    );
  }
  return { mentor: mentorRead(contact), guarded: takes };
}

/** Everything after the match, for the school and the placing service alike. */
export async function trajectoryView(caller: Caller, studentId: string, now: Date): Promise<Trajectory> {
  const { student, side } = await followedStudent(caller, studentId);
  const [state, entries, evaluations] = await Promise.all([
    trajectoryOf(studentId),
    hoursOfStudent(studentId),
    evaluationsOf(studentId),
  ]);
  return {
    studentId,
    hours: summaryOf(student, state),
    entries: entries.sort((a, b) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt)),
    evaluations: evaluations.sort((a, b) => a.at.localeCompare(b.at)),
    remoteSupervision: {
      on: state.remoteSupervision,
      since: state.remoteSince,
      allowed: remoteSupervisionAllowed(evaluations),
    },
    completedAt: state.completedAt,
    mayComplete: side === 'school' && !state.completedAt && trajectoryMayComplete(evaluations),
    mayGiveFinal:
      side === 'service' &&
      !state.completedAt &&
      finalEvaluationAllowed(lastPeriodEnd(student), brusselsDay(now)),
  };
}

/** The school year's first and last day: 1 September to 31 August. */
export function schoolYearDays(schoolYear: string) {
  const [from, to] = schoolYear.split('-');
  return { first: `${from}-09-01`, last: `${to}-08-31` };
}

/** This service's dual learners: the accepted students of the dual track placed here. */
export async function dualLearnersOf(serviceId: string): Promise<StoredStudent[]> {
  const accepted = [...(await decisionsOfService(serviceId, 'accepted')).keys()];
  const students = await batchGet<StoredStudent>(accepted.map((id) => keys.student(id)));
  return students.filter((s) => s.track === 'dual' && s.placement?.serviceId === serviceId);
}

/**
 * The yearly report a service hands in before 1 May: per dual learner, the hours worked at this
 * service in the school year and the start and end of the training contract.
 */
export async function dualReport(serviceId: string, schoolYear: string): Promise<DualReportRow[]> {
  const { first, last } = schoolYearDays(schoolYear);
  const learners = await dualLearnersOf(serviceId);
  const rows = await Promise.all(
    learners.map(async (s) => {
      const entries = await hoursOfStudent(s.id);
      const hours = entries
        .filter(
          (e) => e.by === 'service' && e.organisationId === serviceId && e.date >= first && e.date <= last,
        )
        .reduce((sum, e) => sum + e.hours, 0);
      return {
        studentId: s.id,
        firstName: s.firstName,
        lastName: s.lastName,
        schoolName: s.schoolName,
        hours,
        contractStart: s.placement?.trainingContract?.start ?? null,
        contractEnd: s.placement?.trainingContract?.end ?? null,
      };
    }),
  );
  return rows.sort((a, b) =>
    `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'nl-BE'),
  );
}
