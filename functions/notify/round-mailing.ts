import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { LambdaClient } from '@aws-sdk/client-lambda';
import middy from '@middy/core';
import { isSesFeedback, recordSesFeedback } from '#bounces/record';
import * as z from '#kernel/zod';
import { runMailings } from '#mailings/run';
import { logger } from '#platform/log/logger';
import { sesMailer } from '#platform/mailer';
import { count, FIGURES, flushMetrics, metricsFlush } from '#platform/metrics';
import { warmUpTick } from '#school-year/warm-up-action';

/**
 * What a schedule hands this function: a tick, with the time it was scheduled for (EventBridge
 * Scheduler fills in `<aws.scheduler.scheduled-time>`; the local scheduler its own clock).
 */
export const RoundMailingEvent = z.object({
  kind: z.literal('tick'),
  scheduledTime: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Sends the round mailings that fell due: opens, closes and reminders of the stored calendar,
 * and any "send the reminders now" the admin asked for. Runs at least once per tick and is
 * idempotent (see `#mailings/run`); an error fails the invocation, so Scheduler retries.
 */
let lambda: LambdaClient | undefined;

export const handler = middy(async (event: unknown) => {
  // The same function records SES's bounces and complaints (`infra/lib/mail.ts`): not a tick.
  if (isSesFeedback(event)) return recordSesFeedback(event, new Date());
  // The heartbeat is written at once: the tick ran, however it ends (even by a timeout, which
  // would take the invocation's other figures with it). Failures have alarms of their own.
  count(FIGURES.mailingsTick);
  flushMetrics();
  const tick = RoundMailingEvent.parse(event);
  // The tick's own time: a retried delivery keeps it; the local scheduler passes its own clock.
  const scheduled = tick.scheduledTime ? new Date(tick.scheduledTime) : new Date();
  // Warm instances for the openings (`#school-year/warm-up`), beside the mailings: neither waits
  // for the other, and a failure of either fails the tick, which Scheduler retries (both idempotent).
  lambda ??= new LambdaClient({});
  const [mailings, warmed] = await Promise.allSettled([
    runMailings({ now: scheduled, mailer: sesMailer }),
    warmUpTick(scheduled, lambda),
  ]);
  if (warmed.status === 'fulfilled' && warmed.value && warmed.value !== 'unchanged')
    logger.info('Warm-up for the openings', { outcome: warmed.value });
  if (warmed.status === 'rejected') logger.error('Warm-up failed', { error: warmed.reason });
  if (mailings.status === 'rejected') throw mailings.reason;
  if (warmed.status === 'rejected') throw warmed.reason;
  const result = mailings.value;
  if (result.sent || result.failed || result.retry) logger.info('Round mailings', { result });
  return result;
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsFlush());
