import { endSession } from '../../../shared/accounts/sessions';
import { readSessionCookie } from '../../../shared/auth/session-cookie';
import { defineHandler } from '../../../shared/http/handler';
import { noContent } from '../../../shared/http/responses';

export const handler = defineHandler('logout', {}, async ({ event }) =>
  noContent({ cookies: await endSession(readSessionCookie(event.cookies)) }),
);
