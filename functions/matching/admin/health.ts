import { mailEventCountsSince } from '#bounces/store';
import { runningExports } from '#exports/store';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { importsUnderway } from '#imports/views';
import { lastHeartbeat, MAILINGS_TICK } from '#platform/heartbeats';
import { failedMailsSince } from '#school-year/outbox-store';

const DAY_MS = 24 * 3600_000;

/**
 * The admin's health panel: the scheduler's last tick and the backlog it left, the last day's mail
 * problems, the jobs under way. Read from the table (the same facts the metrics count), so it needs
 * no CloudWatch access. Composed here: exports and imports are features of one layer.
 */
export const handler = defineHandler('admin-health', async () => {
  const now = new Date();
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const [tick, failed, events, exports, imports] = await Promise.all([
    lastHeartbeat(MAILINGS_TICK),
    failedMailsSince(dayAgo),
    mailEventCountsSince(dayAgo),
    runningExports(now),
    importsUnderway(now),
  ]);
  return ok({
    checkedAt: now.toISOString(),
    scheduler: { lastTickAt: tick?.lastAt ?? null },
    // As the last tick left it: mails waiting for a retry, and since when the oldest waits.
    outbox: { pending: tick?.outboxWaiting ?? 0, oldestAt: tick?.outboxOldestAt ?? null },
    mails24h: { failed, bounced: events.bounce, complained: events.complaint },
    exports: { running: exports },
    imports,
  });
});
