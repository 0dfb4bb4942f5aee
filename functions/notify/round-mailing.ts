import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '#kernel/zod';
import { logger } from '#platform/log/logger';

/** What a schedule hands this function: which mailing, for which track and round. */
export const RoundMailingEvent = z.object({
  kind: z.enum(['round-open', 'round-close', 'reminder']),
  track: z.enum(['secondary', 'adult', 'dual']),
  round: z.string().min(1),
});

/**
 * Sends the mailings at a round's start and close. The mail texts and recipient lists arrive
 * with the rounds feature; until then the function validates and records the trigger, so the
 * schedule wiring (EventBridge Scheduler → Lambda, and the local scheduler) is exercised end to end.
 */
export const handler = middy(async (event: unknown) => {
  const mailing = RoundMailingEvent.parse(event);
  logger.info('Round mailing triggered', { mailing });
  return { sent: 0, mailing };
}).use(injectLambdaContext(logger, { resetKeys: true }));
