import { login } from '#accounts/login';
import { emailSchema } from '#contract/organisations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import * as z from '#kernel/zod';

const body = z.object({ email: emailSchema, password: z.string().min(1, 'Vul je wachtwoord in.').max(256) });

export const handler = defineHandler('login', { body }, async ({ body }) => {
  const signedIn = await login(body.email, body.password, new Date());
  return ok(signedIn.body, { cookies: signedIn.cookies });
});
