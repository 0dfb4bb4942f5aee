import type { Track } from '#contract/organisations';
import type { Province } from '#contract/provinces';
import { brusselsDate } from '#kernel/time';
import { openCountedOf } from './open-counts';
import type { CountedStudent } from './rules';

/**
 * The part of a student the counters (the dashboard's and the list totals) depend on. Named here
 * rather than taken from the students' own type, so that students (which count in the same
 * writes) depend on statistics, not both ways.
 */
export interface CountableStudent {
  version?: number;
  track: Track;
  province: Province;
  schoolId: string;
  registeredAt: string;
  visibleFrom: string;
  placement?: object;
  stoppedAt?: string;
  address: { postcode: string };
  transport: readonly string[];
  programme?: string;
  internship: { periods: readonly { start: string }[] };
  preferredServiceId?: string;
}

export const countedOf = (s: CountableStudent): CountedStudent => ({
  version: s.version,
  track: s.track,
  province: s.province,
  schoolId: s.schoolId,
  hidden: s.visibleFrom > s.registeredAt,
  placed: Boolean(s.placement),
  stopped: Boolean(s.stoppedAt),
  enteredOn: brusselsDate(new Date(s.registeredAt)),
  open: openCountedOf(s),
});
