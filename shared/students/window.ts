import type { Round } from '#contract/school-year';
import type { StudentInput } from '#contract/students';
import { windowDateOf } from '#school-year/rules';
import { firstPeriodStart } from './rules';

/**
 * The adult-education window of a student being entered or edited at `now`, as the field stored
 * beside them (`windowDate`); nothing for the other tracks.
 */
export function windowOf(
  rounds: readonly Round[],
  input: Pick<StudentInput, 'track' | 'internship'>,
  now: Date,
): { windowDate?: string } {
  if (input.track !== 'adult') return {};
  const date = windowDateOf(rounds, firstPeriodStart(input.internship.periods), now);
  return date ? { windowDate: date } : {};
}
