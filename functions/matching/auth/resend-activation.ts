import { resendActivation } from '#accounts/invitations';
import { defineHandler } from '#http/handler';
import { accepted } from '#http/responses';

/** Always 202: the answer never tells whether the address has an account. */
export const handler = defineHandler('resend-activation', async ({ body }) => {
  await resendActivation(body.email, new Date());
  return accepted({
    message: 'Als dit adres een account heeft dat nog niet geactiveerd is, is er een nieuwe mail onderweg.',
  });
});
