import { inviteFirstAdmin } from '#accounts/first-admin';
import { emailSchema } from '#contract/organisations';
import { customResource } from './custom-resource';

/**
 * On deploy, the first admin (context `adminEmail`) gets an invitation mail like anyone else.
 * Idempotent: an existing person is left alone.
 */
export const handler = customResource('first-admin', async (event) => {
  await inviteFirstAdmin(emailSchema.parse(event.ResourceProperties.AdminEmail));
});
