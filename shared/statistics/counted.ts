import type { StoredStudent } from '#students/rules';
import { openCountedOf } from './open-counts';
import type { CountedStudent } from './rules';

/** The part of a student the counters (the dashboard's and the list totals) depend on. */
export const countedOf = (
  s: Pick<
    StoredStudent,
    | 'track'
    | 'province'
    | 'schoolId'
    | 'visibleFrom'
    | 'registeredAt'
    | 'placement'
    | 'stoppedAt'
    | 'version'
    | 'address'
    | 'transport'
    | 'programme'
    | 'internship'
    | 'preferredServiceId'
  >,
): CountedStudent => ({
  version: s.version,
  track: s.track,
  province: s.province,
  schoolId: s.schoolId,
  hidden: s.visibleFrom > s.registeredAt,
  placed: Boolean(s.placement),
  stopped: Boolean(s.stoppedAt),
  open: openCountedOf(s),
});
