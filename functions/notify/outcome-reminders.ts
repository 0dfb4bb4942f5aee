import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '#kernel/zod';
import { logger } from '#platform/log/logger';
import { metricsFlush } from '#platform/metrics';
import { sendOutcomeReminders } from '#requests/outcome-reminders';

/** What the recurring schedule hands this function: the moment the run was scheduled for. */
export const OutcomeRemindersEvent = z.object({ scheduledTime: z.iso.datetime({ offset: true }).optional() });

/** Reminds services of dual-learning invitations whose outcome is overdue; safe to run twice. */
export const handler = middy(async (event: unknown) => {
  const { scheduledTime } = OutcomeRemindersEvent.parse(event ?? {});
  const result = await sendOutcomeReminders(scheduledTime ? new Date(scheduledTime) : new Date());
  // Quiet when nothing was due: locally this runs every minute.
  if (result.sent > 0) logger.info('Outcome reminders sent', { sent: result.sent });
  else logger.debug('Outcome reminders ran, nothing due', { sent: result.sent });
  return result;
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsFlush());
