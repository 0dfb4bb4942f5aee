import { activate } from '../../../shared/accounts/activation';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { z } from '../../../shared/http/validation';

const body = z.object({ token: z.string().min(1).max(200), password: z.string() });

export const handler = defineHandler('activate', { body }, async ({ body }) => {
  const signedIn = await activate(body.token, body.password, new Date());
  return ok(signedIn.body, { cookies: signedIn.cookies });
});
