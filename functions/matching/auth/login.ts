import { login } from '#accounts/login';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('login', async ({ body }) => {
  const signedIn = await login(body.email, body.password, new Date());
  return ok(signedIn.body, { cookies: signedIn.cookies });
});
