import { resetPassword } from '#accounts/password-reset';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('reset-password', async ({ body }) => {
  const signedIn = await resetPassword(body.token, body.password, new Date());
  return ok(signedIn.body, { cookies: signedIn.cookies });
});
