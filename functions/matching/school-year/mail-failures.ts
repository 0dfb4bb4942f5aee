import { mailEventViews } from '#bounces/views';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { mailFailures } from '#school-year/views';

/**
 * Mails given up on after their retries, and what SES reported after sending (bounces,
 * complaints, delays, rejects): never lost silently, listed here for the admin.
 */
export const handler = defineHandler('mail-failures', async () => {
  const [items, events] = await Promise.all([mailFailures(), mailEventViews()]);
  return ok({ items, events });
});
