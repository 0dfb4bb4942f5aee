import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '#kernel/zod';
import { logger } from '#platform/log/logger';
import { runRetention } from '#school-years/retention';

/** What the daily schedule hands this function: the moment the run was scheduled for. */
export const RetentionEvent = z.object({ scheduledTime: z.iso.datetime({ offset: true }).optional() });

/**
 * The year's retention run, daily: records the year's figures in the registry, and on the
 * retention date erases the year's personal data, once (shared/school-year/retention.ts). A
 * failure throws, so the schedule retries and finally dead-letters it.
 */
export const handler = middy(async (event: unknown) => {
  const { scheduledTime } = RetentionEvent.parse(event ?? {});
  const result = await runRetention(scheduledTime ? new Date(scheduledTime) : new Date());
  if (result.outcome === 'erased') logger.info('Personal data of the school year erased', { result });
  else logger.debug('Retention ran', { result });
  return result;
}).use(injectLambdaContext(logger, { resetKeys: true }));
