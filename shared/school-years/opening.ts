import { logger } from '#platform/log/logger';
import { currentSchoolYear } from '#school-year/calendar';
import { followingYear } from '#school-year/next-year';
import { ensureSeeded } from '#school-year/store';
import { getYear } from '#school-year/years-store';
import { type CarryOverReport, carryOver } from './carry-over';
import { publishServedYear, switchTo } from './years';

/**
 * A school year opens (its deploy in AWS, every local start): its calendar is seeded (from the
 * calendar prepared for it, or the shipped dates), last year's lasting data is carried over, and
 * the registry learns the year's facts. With `switchHere` the address now serves this year (the
 * platform's switch, or a local start with SCHOOL_YEAR): a prepared year becomes current.
 *
 * Once last year is archived nothing changes there any more, so a year that carried over since
 * does not read last year's table again.
 */
export async function openYear(now: Date, options: { switchHere: boolean }): Promise<CarryOverReport | null> {
  const schoolYear = currentSchoolYear();
  const [self, previous] = await Promise.all([getYear(schoolYear), getYear(followingYear(schoolYear, -1))]);
  let report: CarryOverReport | null = null;
  if (previous?.status === 'archived' && self?.carriedOverAt) await ensureSeeded();
  else report = await carryOver(now);
  await publishServedYear(now);
  if (options.switchHere) await switchTo(schoolYear);
  if (report) logger.info('Carried over from last year', { report });
  return report;
}
