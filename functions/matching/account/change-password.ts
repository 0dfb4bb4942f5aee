import { changePassword } from '#accounts/change-password';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

/** POST /api/me/password: a fresh session for this browser; every other one ends. */
export const handler = defineHandler('me-password', async ({ caller, body }) => {
  const signedIn = await changePassword(caller, body.currentPassword, body.newPassword, new Date());
  return ok(signedIn.body, { cookies: signedIn.cookies });
});
