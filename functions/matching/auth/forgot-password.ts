import { forgotPassword } from '#accounts/forgot-password';
import { defineHandler } from '#http/handler';
import { accepted } from '#http/responses';

/** Always 202: the answer never tells whether the address has an account. */
export const handler = defineHandler('forgot-password', async ({ body }) => {
  await forgotPassword(body.email, new Date());
  return accepted({
    message:
      'Als dit adres een account heeft, is er een mail onderweg met een link om een nieuw wachtwoord te kiezen.',
  });
});
