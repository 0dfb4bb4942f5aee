import { login } from '../../../shared/accounts/login';
import { emailSchema } from '../../../shared/domain/organisations';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { z } from '../../../shared/http/validation';

const body = z.object({ email: emailSchema, password: z.string().min(1, 'Vul je wachtwoord in.').max(256) });

export const handler = defineHandler('login', { body }, async ({ body }) => {
  const signedIn = await login(body.email, body.password, new Date());
  return ok(signedIn.body, { cookies: signedIn.cookies });
});
