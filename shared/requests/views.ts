import type { DecisionStatus } from '#contract/requests';
import type { Supervisor } from '#people/supervisors';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import type { StoredStudent } from '#students/rules';
import type { OpenStudent } from './open-index';

const key = (r: Pick<Row, 'schoolId' | 'internship'>) => `${r.schoolId}/${r.internship.supervisorId}`;

/**
 * Supervisor names for list rows, kept per container for a minute: at 12:00 every list shows the
 * same few hundred names. Only names: the detail reads the supervisor (contact data) fresh.
 */
const NAME_TTL_MS = 60_000;
const names = new Map<string, { at: number; name: string | null }>();

export async function supervisorNamesOf(
  rows: Pick<Row, 'schoolId' | 'internship'>[],
): Promise<Map<string, { name: string }>> {
  const now = Date.now();
  const missing = new Map<string, { pk: string; sk: string }>();
  for (const r of rows) {
    const cached = names.get(key(r));
    if (!cached || now - cached.at > NAME_TTL_MS)
      missing.set(key(r), keys.supervisor(r.schoolId, r.internship.supervisorId));
  }
  if (missing.size > 0) {
    const found = await batchGet<Pick<Supervisor, 'schoolId' | 'id' | 'name'>>(
      [...missing.values()],
      ['schoolId', 'id', 'name'],
    );
    if (names.size > 20_000) names.clear();
    for (const k of missing.keys()) names.set(k, { at: now, name: null });
    for (const s of found) names.set(`${s.schoolId}/${s.id}`, { at: now, name: s.name });
  }
  const out = new Map<string, { name: string }>();
  for (const r of rows) {
    const name = names.get(key(r))?.name;
    if (name) out.set(key(r), { name });
  }
  return out;
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
