import { logger } from '#platform/log/logger';
import { openYear } from '#school-years/opening';
import { customResource } from './custom-resource';

/**
 * On deploy of a school year, and when the address switches to it: the calendar is seeded, last
 * year's organisations, people, logins, contacts and supervisors are carried over (idempotent),
 * and with `Switch` the prepared year becomes current in the registry. A failure fails the deploy.
 */
export const handler = customResource('open-year', async (event) => {
  const switchHere = (event.ResourceProperties as { Switch?: string }).Switch === 'true';
  logger.info('School year opened', { carriedOver: await openYear(new Date(), { switchHere }) });
});
