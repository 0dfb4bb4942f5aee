import { activate } from '#accounts/activation';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

export const handler = defineHandler('activate', async ({ body }) => {
  const signedIn = await activate(body.token, body.password, new Date());
  return ok(signedIn.body, { cookies: signedIn.cookies });
});
