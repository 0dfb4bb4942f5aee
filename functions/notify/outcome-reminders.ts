import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { sendOutcomeReminders } from '#placements/outcome-reminders';
import { logger } from '#platform/log/logger';

/** Reminds services of dual-learning invitations whose outcome is overdue; safe to run twice. */
export const handler = middy(async () => {
  const result = await sendOutcomeReminders(new Date());
  logger.info('Outcome reminders sent', { sent: result.sent });
  return result;
}).use(injectLambdaContext(logger, { resetKeys: true }));
