import type { Organisation, Track } from '#contract/organisations';
import { PROVINCES, type Province } from '#contract/provinces';
import type { Phase } from '#contract/school-year';
import type { Segment, SegmentPhase } from '#school-year/rules';
import type { StoredStudent } from '#students/rules';

export { PHASES, type Phase } from '#contract/school-year';

/**
 * What a service may see of the students still without a place, in one track at one moment. The
 * single source of the round rule: the check on one student (`inScope`) and the index queries of
 * the list (`openIndexQueries`) are both read off it, and a unit test holds them together.
 *
 * A track has scopes (a secondary programme, an adult-education window, or the whole track), each
 * with its own phase from the calendar (`#school-year/rules`):
 * - `closed`: nothing;
 * - `preferred`: the students of the service's own province who chose this service;
 * - `all`: every province.
 */
export interface ScopePart {
  segment: Segment;
  provinces: readonly Province[];
  preferredServiceId?: string;
}
export type Scope = { kind: 'none' } | { kind: 'open'; parts: readonly ScopePart[] };

/** One scope's phase for a service; without a segment, the phase holds for the whole track. */
export function scopeOf(
  service: Pick<Organisation, 'id' | 'province'>,
  phase: Phase,
  segment: Segment = {},
): Scope {
  if (phase === 'all') return { kind: 'open', parts: [{ segment, provinces: PROVINCES }] };
  if (phase === 'preferred' && service.province) {
    return {
      kind: 'open',
      parts: [{ segment, provinces: [service.province], preferredServiceId: service.id }],
    };
  }
  return { kind: 'none' };
}

/** A track's scope: the union of its segments' scopes (a phase alone covers the whole track). */
export function trackScopeOf(
  service: Pick<Organisation, 'id' | 'province'>,
  phases: Phase | readonly SegmentPhase[],
): Scope {
  const list = typeof phases === 'string' ? [{ segment: {}, phase: phases }] : phases;
  const parts = list.flatMap(({ segment, phase }) => {
    const scope = scopeOf(service, phase, segment);
    return scope.kind === 'open' ? scope.parts : [];
  });
  return parts.length ? { kind: 'open', parts } : { kind: 'none' };
}

type OpenFields = Pick<StoredStudent, 'visibleFrom' | 'province' | 'preferredServiceId' | 'programme'> & {
  /** Written beside the student by the store: the start of their earliest period. */
  firstPeriodStart?: string;
};

function inSegment(student: OpenFields, segment: Segment): boolean {
  if (segment.programme && student.programme !== segment.programme) return false;
  if (segment.firstPeriod) {
    const start = student.firstPeriodStart;
    if (!start || start < segment.firstPeriod.from || start > segment.firstPeriod.to) return false;
  }
  return true;
}

/** Whether an open student (not placed, not stopped) falls within the scope at `now`. */
export function inScope(student: OpenFields, scope: Scope, now: Date): boolean {
  if (scope.kind === 'none') return false;
  if (new Date(student.visibleFrom) > now) return false;
  return scope.parts.some(
    (part) =>
      part.provinces.includes(student.province) &&
      (!part.preferredServiceId || student.preferredServiceId === part.preferredServiceId) &&
      inSegment(student, part.segment),
  );
}

/** One query on the open index: a partition (track, province) and the conditions on its items. */
export interface OpenQuery {
  track: Track;
  province: Province;
  now: Date;
  postcodePrefix?: string;
  preferredServiceId?: string;
  /** The student is in one of these programmes. */
  programmes?: readonly NonNullable<Segment['programme']>[];
  /** The student's first period starts in this range. */
  firstPeriod?: { from: string; to: string };
  /** Any of these transport means. */
  transport?: readonly string[];
}

/**
 * The index queries that list exactly the scope's students, narrowed by the list's own filters
 * (provinces, programme, postcode region, transport), in the index's order (province, postcode,
 * name). Parts that differ only in their programme are one query per partition (programme in a
 * list), so a partition is read once however many programmes are open; otherwise segments of one
 * track never share a student, so the queries' results never overlap.
 */
export function openIndexQueries(
  scope: Scope,
  track: Track,
  now: Date,
  filters: {
    provinces?: readonly Province[];
    programme?: Segment['programme'];
    postcodePrefix?: string;
    transport?: readonly string[];
  } = {},
): OpenQuery[] {
  if (scope.kind === 'none') return [];
  const wanted = filters.provinces?.length ? filters.provinces : PROVINCES;
  const queries = new Map<string, OpenQuery & { anyProgramme: boolean }>();
  for (const part of scope.parts) {
    if (filters.programme && part.segment.programme && part.segment.programme !== filters.programme) continue;
    const programme = part.segment.programme ?? filters.programme;
    const window = part.segment.firstPeriod;
    for (const province of part.provinces.filter((p) => wanted.includes(p))) {
      const key = [
        province,
        part.preferredServiceId ?? '',
        window ? `${window.from}..${window.to}` : '',
      ].join('|');
      const merged = queries.get(key);
      if (merged) {
        // Another programme in the same partition and conditions: the same query, one more programme.
        merged.anyProgramme ||= !programme;
        if (programme && !merged.programmes?.includes(programme))
          merged.programmes = [...(merged.programmes ?? []), programme];
        continue;
      }
      queries.set(key, {
        track,
        province,
        now,
        anyProgramme: !programme,
        ...(filters.postcodePrefix ? { postcodePrefix: filters.postcodePrefix } : {}),
        ...(filters.transport?.length ? { transport: filters.transport } : {}),
        ...(part.preferredServiceId ? { preferredServiceId: part.preferredServiceId } : {}),
        ...(programme ? { programmes: [programme] } : {}),
        ...(window ? { firstPeriod: window } : {}),
      });
    }
  }
  return [...queries.values()]
    .map(({ anyProgramme, programmes, ...q }) => ({
      ...q,
      ...(!anyProgramme && programmes ? { programmes: [...programmes].sort() } : {}),
    }))
    .sort((a, b) => a.province.localeCompare(b.province));
}

/**
 * Whether a service may see a student at all:
 * - the service that accepted the student always does, and only it once accepted;
 * - stopped students are never open to others;
 * - an open student, when the round's scope holds them.
 */
export function serviceMaySee(
  student: OpenFields & Pick<StoredStudent, 'stoppedAt'> & { placement?: { serviceId: string } },
  service: Pick<Organisation, 'id' | 'province'>,
  phases: Phase | readonly SegmentPhase[],
  now: Date,
): boolean {
  if (student.placement) return student.placement.serviceId === service.id;
  if (student.stoppedAt) return false;
  return inScope(student, trackScopeOf(service, phases), now);
}

/**
 * Personal data (national number, email, phone, street; the supervisor's email and phone) go only to the
 * service that accepted the student, or, for a dual student, to a service that invited them to an
 * interview: from the invitation on, whatever the outcome (`invitedAt` is never removed), until the
 * sector released a placement of theirs.
 */
export const maySeePersonalData = (
  student: { track: Track; placement?: { serviceId: string } },
  serviceId: string,
  decision?: { serviceId: string; invitedAt?: string; releasedAt?: string } | null,
) =>
  student.placement?.serviceId === serviceId ||
  (student.track === 'dual' &&
    decision?.serviceId === serviceId &&
    Boolean(decision.invitedAt) &&
    // A placement the sector released ends the service's access for good (`releasedAt` stays).
    !decision.releasedAt);
