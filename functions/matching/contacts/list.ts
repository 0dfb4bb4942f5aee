import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { contactsWithCapacity } from '#people/contacts';
import { withReachability } from '#platform/suppression-list';

/** The service's contact persons, each marked when mails to their address no longer arrive. */
export const handler = defineHandler('contacts-list', async ({ caller }) =>
  ok({ items: await withReachability(await contactsWithCapacity(caller.organisationId, new Date())) }),
);
