import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '#kernel/zod';
import { logger } from '#platform/log/logger';
import { metricsFlush } from '#platform/metrics';
import { runDueEscalations } from '#trajectory/escalations';

/** What the recurring schedule hands this function: the moment the run was scheduled for. */
export const EscalationsEvent = z.object({ scheduledTime: z.iso.datetime({ offset: true }).optional() });

/**
 * Takeover deadlines, registration reminders and the April dual-report reminder. Runs every hour;
 * every mail goes out once however often it runs. A failure throws, so the schedule retries and
 * finally dead-letters it.
 */
export const handler = middy(async (event: unknown) => {
  const { scheduledTime } = EscalationsEvent.parse(event ?? {});
  const result = await runDueEscalations(scheduledTime ? new Date(scheduledTime) : new Date());
  // Quiet when nothing was due: locally this runs every minute.
  if (Object.values(result).some((n) => n > 0)) logger.info('Escalations sent', { result });
  else logger.debug('Escalations ran, nothing due', { result });
  return result;
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsFlush());
