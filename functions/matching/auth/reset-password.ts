import { resetPassword } from '#accounts/password-reset';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import * as z from '#kernel/zod';

const body = z.object({ token: z.string().min(1).max(200), password: z.string() });

export const handler = defineHandler('reset-password', { body }, async ({ body }) => {
  const signedIn = await resetPassword(body.token, body.password, new Date());
  return ok(signedIn.body, { cookies: signedIn.cookies });
});
