import type { Organisation } from '#contract/organisations';
import type { Caller } from '#http/caller';
import { conflict, notFound } from '#kernel/errors';
import { recentOrganisation } from '#organisations/store';
import type { SegmentPhase } from '#school-year/rules';
import type { StoredStudent } from '#students/rules';
import { type Phase, serviceMaySee } from './visibility';

export const PLACED_ELSEWHERE =
  'Deze leerling werd net door een andere dienst geplaatst en staat niet meer in je lijst.';
export const STOPPED = 'Deze leerling is intussen gestopt en zoekt geen stageplaats meer.';
const NOT_VISIBLE = 'Deze leerling is niet (meer) zichtbaar voor jouw dienst.';

/** The service as this container read it moments ago: for the list, which decides nothing. */
export async function recentServiceOf(caller: Caller): Promise<Organisation> {
  const service = await recentOrganisation(caller.organisationId);
  if (!service) throw notFound();
  return service;
}

/** The student, if this service may see them now (with their track's phases); 404 otherwise, whatever the reason. */
export function visibleOf(
  student: StoredStudent | null,
  service: Organisation,
  phase: Phase | readonly SegmentPhase[],
  now: Date,
): StoredStudent {
  if (!student || !serviceMaySee(student, service, phase, now)) throw notFound(NOT_VISIBLE);
  return student;
}

/**
 * For a decision, a student taken by another service in the meantime is a conflict the person must
 * hear about ("placed elsewhere"), not a 404; students this service could never see stay 404.
 */
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
