import { clearedSessionCookies, readSessionCookie } from '#accounts/session-cookie';
import { refreshSession } from '#accounts/sessions';
import { defineHandler } from '#http/handler';
import { errorBody, ok } from '#http/responses';
import { HttpError } from '#kernel/errors';

/** The web app calls this on load and before its access token runs out; the cookie does the rest. */
export const handler = defineHandler('refresh', async ({ event }) => {
  try {
    return ok(await refreshSession(readSessionCookie(event.cookies), new Date()));
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 401) throw error;
    // A dead session also loses its cookie, so the browser stops offering it.
    return {
      status: 401,
      body: errorBody('UNAUTHENTICATED', error.message),
      cookies: clearedSessionCookies(),
    };
  }
});
