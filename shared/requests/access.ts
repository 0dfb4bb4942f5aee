import type { Organisation } from '#contract/organisations';
import type { Caller } from '#http/caller';
import { conflict, notFound } from '#kernel/errors';
import { getOrganisation, recentOrganisation } from '#organisations/store';
import type { SegmentPhase } from '#school-year/rules';
import type { StoredStudent } from '#students/rules';
import { getStudent } from '#students/store';
import { phasesAt } from './phases-store';
import { type Phase, serviceMaySee } from './visibility';

export const PLACED_ELSEWHERE =
  'Deze leerling werd net door een andere dienst geplaatst en staat niet meer in je lijst.';
export const STOPPED = 'Deze leerling is intussen gestopt en zoekt geen stageplaats meer.';
const NOT_VISIBLE = 'Deze leerling is niet (meer) zichtbaar voor jouw dienst.';

export async function serviceOf(caller: Caller): Promise<Organisation> {
  const service = await getOrganisation(caller.organisationId);
  if (!service) throw notFound();
  return service;
}

/** The service as this container read it moments ago: for the list, which decides nothing. */
export async function recentServiceOf(caller: Caller): Promise<Organisation> {
  const service = await recentOrganisation(caller.organisationId);
  if (!service) throw notFound();
  return service;
}

/** The student, if this service may see them now; 404 otherwise, whatever the reason. */
export async function visibleStudent(
  service: Organisation,
  studentId: string,
  now: Date,
): Promise<StoredStudent> {
  const student = await getStudent(studentId);
  if (!student || !serviceMaySee(student, service, await phasesAt(student.track, now), now)) {
    throw notFound(NOT_VISIBLE);
  }
  return student;
}

/**
 * For a decision, a student taken by another service in the meantime is a conflict the person must
 * hear about ("placed elsewhere"), not a 404; students this service could never see stay 404.
 */
export async function studentToDecideOn(
  service: Organisation,
  studentId: string,
  now: Date,
): Promise<StoredStudent> {
  // One read decides: a second one could see a placement the first did not and answer 404.
  const student = await getStudent(studentId);
  return decidable(student, service, student ? await phasesAt(student.track, now) : 'closed', now);
}

/** The check of `studentToDecideOn` on a student (and the phases of their track) already read. */
export function decidable(
  student: StoredStudent | null,
  service: Organisation,
  phase: Phase | readonly SegmentPhase[],
  now: Date,
): StoredStudent {
  if (student?.placement && student.placement.serviceId !== service.id) {
    if (serviceMaySee({ ...student, placement: undefined, stoppedAt: undefined }, service, phase, now))
      throw conflict(PLACED_ELSEWHERE);
  }
  // Stopped in the meantime: the service saw the student a moment ago and must hear why it failed.
  if (student?.stoppedAt && !student.placement) {
    if (serviceMaySee({ ...student, stoppedAt: undefined }, service, phase, now)) throw conflict(STOPPED);
  }
  if (!student || !serviceMaySee(student, service, phase, now)) throw notFound(NOT_VISIBLE);
  return student;
}
