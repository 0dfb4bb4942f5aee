import { readSessionCookie } from '#accounts/session-cookie';
import { endSession } from '#accounts/sessions';
import { defineHandler } from '#http/handler';
import { noContent } from '#http/responses';

export const handler = defineHandler('logout', async ({ event }) =>
  noContent({ cookies: await endSession(readSessionCookie(event.cookies)) }),
);
