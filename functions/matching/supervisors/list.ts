import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { supervisors } from '#people/supervisors';
import { withReachability } from '#platform/suppression-list';

/** The school's supervisors, each marked when mails to their address no longer arrive. */
export const handler = defineHandler('supervisors-list', async ({ caller }) => {
  return ok({ items: await withReachability(await supervisors.list(caller.organisationId)) });
});
