import type { Organisation, Track } from '#contract/organisations';
import { PROVINCES, type Province } from '#contract/provinces';
import type { StoredStudent } from '#students/rules';

export const PHASES = ['closed', 'preferred', 'all'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * What a service may see of the students still without a place, in one track at one moment. The
 * single source of the round rule: the check on one student (`inScope`) and the index queries of
 * the list (`openIndexQueries`) are both read off it, and a unit test holds them together.
 * - `closed`: nothing;
 * - `preferred`: the students of the service's own province who chose this service;
 * - `all`: every province.
 */
export type Scope =
  | { kind: 'none' }
  | { kind: 'open'; provinces: readonly Province[]; preferredServiceId?: string };

export function scopeOf(service: Pick<Organisation, 'id' | 'province'>, phase: Phase): Scope {
  if (phase === 'all') return { kind: 'open', provinces: PROVINCES };
  if (phase === 'preferred' && service.province) {
    return { kind: 'open', provinces: [service.province], preferredServiceId: service.id };
  }
  return { kind: 'none' };
}

type OpenFields = Pick<StoredStudent, 'visibleFrom' | 'province' | 'preferredServiceId'>;

/** Whether an open student (not placed, not stopped) falls within the scope at `now`. */
export function inScope(student: OpenFields, scope: Scope, now: Date): boolean {
  if (scope.kind === 'none') return false;
  if (new Date(student.visibleFrom) > now) return false;
  if (!scope.provinces.includes(student.province)) return false;
  return !scope.preferredServiceId || student.preferredServiceId === scope.preferredServiceId;
}

/** One query on the open index: a partition (track, province) and the conditions on its items. */
export interface OpenQuery {
  track: Track;
  province: Province;
  now: Date;
  postcodePrefix?: string;
  preferredServiceId?: string;
  /** Any of these transport means. */
  transport?: readonly string[];
}

/**
 * The index queries that list exactly the scope's students, narrowed by the list's own filters
 * (provinces, postcode region, transport), in the index's order (province, postcode, name).
 */
export function openIndexQueries(
  scope: Scope,
  track: Track,
  now: Date,
  filters: { provinces?: readonly Province[]; postcodePrefix?: string; transport?: readonly string[] } = {},
): OpenQuery[] {
  if (scope.kind === 'none') return [];
  const wanted = filters.provinces?.length ? filters.provinces : PROVINCES;
  return scope.provinces
    .filter((p) => wanted.includes(p))
    .sort()
    .map((province) => ({
      track,
      province,
      now,
      ...(filters.postcodePrefix ? { postcodePrefix: filters.postcodePrefix } : {}),
      ...(filters.transport?.length ? { transport: filters.transport } : {}),
      ...(scope.preferredServiceId ? { preferredServiceId: scope.preferredServiceId } : {}),
    }));
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
  phase: Phase,
  now: Date,
): boolean {
  if (student.placement) return student.placement.serviceId === service.id;
  if (student.stoppedAt) return false;
  return inScope(student, scopeOf(service, phase), now);
}

/**
 * Personal data (national number, email, phone; the supervisor's email and phone) go only to the
 * service that accepted the student, or, for a dual student, to a service that invited them to an
 * interview: from the invitation on, whatever the outcome (`invitedAt` is never removed).
 */
export const maySeePersonalData = (
  student: { track: Track; placement?: { serviceId: string } },
  serviceId: string,
  decision?: { serviceId: string; invitedAt?: string } | null,
) =>
  student.placement?.serviceId === serviceId ||
  (student.track === 'dual' && decision?.serviceId === serviceId && Boolean(decision.invitedAt));
