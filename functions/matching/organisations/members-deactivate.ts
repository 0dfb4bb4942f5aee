import { organisationOr404 } from '#accounts/invitations';
import { MemberPath } from '#contract/organisations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { deactivatePerson } from '#organisations/use-cases';

/** "Delete" keeps the record: the person is deactivated, refused from their next request on. */
export const handler = defineHandler('members-deactivate', { path: MemberPath }, async ({ path }) => {
  const organisation = await organisationOr404(path.id);
  return ok(await deactivatePerson(organisation.id, path.memberId, new Date()));
});
