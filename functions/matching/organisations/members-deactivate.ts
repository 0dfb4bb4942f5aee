import { deactivatePerson } from '#accounts/deactivation';
import { organisationOr404 } from '#accounts/invitations';
import { assertOrganisationManageable, provincesOf } from '#admin/region-scope';
import { audit } from '#audit/record';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';

/** "Delete" keeps the record: the person is deactivated, refused from their next request on. */
export const handler = defineHandler('members-deactivate', async ({ caller, path }) => {
  const organisation = await organisationOr404(path.id);
  // The national team invites regional teams' people; a coordinator those of its provinces' services.
  assertOrganisationManageable(caller, organisation);
  const person = await deactivatePerson(organisation.id, path.memberId, new Date());
  await audit(
    caller,
    'account.deactivate',
    { kind: 'person', id: path.memberId, label: person.name, ...provincesOf(organisation) },
    {
      organisationId: organisation.id,
    },
  );
  return ok(person);
});
