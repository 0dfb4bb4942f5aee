import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { mailFailures } from '#school-year/views';

/** Round mails given up on after their retries: never lost silently, listed here for the admin. */
export const handler = defineHandler('mail-failures', async () => ok({ items: await mailFailures() }));
