import type { DecisionStatus } from '#contract/requests';
import { recentSupervisors } from '#people/recent-supervisors';
import type { Supervisor } from '#people/supervisors';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import type { StoredStudent } from '#students/rules';
import type { OpenStudent } from './open-index';

/** Supervisor names for list rows, from this container's recent copies (`#people/recent-supervisors`). */
export async function supervisorNamesOf(
  rows: Pick<Row, 'schoolId' | 'internship'>[],
): Promise<Map<string, { name: string }>> {
  return recentSupervisors(
    rows.map((r) => ({ schoolId: r.schoolId, supervisorId: r.internship.supervisorId })),
  );
}

/** A list row: an open student from the index, or one of this service's accepted students. */
export type Row = OpenStudent & Partial<Pick<StoredStudent, 'stoppedAt' | 'placement'>>;

/** The supervisors of these rows, in one batch read, by `schoolId/supervisorId`. */
export async function supervisorsOf(rows: Pick<Row, 'schoolId' | 'internship'>[]) {
  const wanted = new Map(
    rows.map((r) => [
      `${r.schoolId}/${r.internship.supervisorId}`,
      keys.supervisor(r.schoolId, r.internship.supervisorId),
    ]),
  );
  const found = await batchGet<Supervisor>([...wanted.values()]);
  return new Map(found.map((s) => [`${s.schoolId}/${s.id}`, s]));
}

/**
 * What a service sees of a student in its list: never personal data. The residence is postcode
 * and town, enough to judge the distance; the street comes with the personal data (`detail.ts`).
 */
export function listItem(s: Row, status: DecisionStatus, supervisors: Map<string, { name: string }>) {
  const i = s.internship;
  return {
    id: s.id,
    track: s.track,
    programme: s.programme ?? null,
    firstName: s.firstName,
    lastName: s.lastName,
    school: { id: s.schoolId, name: s.schoolName },
    residence: {
      postcode: s.address.postcode,
      city: s.address.city,
      province: s.province,
    },
    periods: i.periods,
    periodCount: i.periods.length,
    transport: s.transport,
    form: i.form,
    hoursPerWeek: i.hoursPerWeek ?? null,
    totalHours: i.totalHours,
    supervisorName: supervisors.get(`${s.schoolId}/${i.supervisorId}`)?.name ?? null,
    registeredAt: s.registeredAt,
    status,
    stopped: Boolean(s.stoppedAt),
    // Only rows of the accepted tab carry a placement, and only this service's own.
    placement: s.placement ? acceptedView(s.placement, i.periods) : null,
  };
}

/** What this service agreed: the periods it accepted (not all that were asked), its mentor, its notes. */
export function acceptedView(
  placement: NonNullable<Row['placement']>,
  requested: Row['internship']['periods'],
) {
  return {
    periods: placement.periods.map((index) => requested[index]).filter((p) => p !== undefined),
    contact: placement.contact,
    notes: placement.notes,
    acceptedAt: placement.acceptedAt,
  };
}
