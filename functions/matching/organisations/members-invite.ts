import { invitePerson, organisationOr404 } from '#accounts/invitations';
import { assertOrganisationManageable, provincesOf } from '#admin/region-scope';
import { audit } from '#audit/record';
import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { personView } from '#organisations/use-cases';

export const handler = defineHandler('members-invite', async ({ caller, path, body }) => {
  const organisation = await organisationOr404(path.id);
  // The national team invites regional teams' people; a coordinator those of its provinces' services.
  assertOrganisationManageable(caller, organisation);
  const person = personView(await invitePerson(organisation, body, new Date()));
  await audit(
    caller,
    'account.invite',
    { kind: 'person', id: person.id, label: person.name, ...provincesOf(organisation) },
    {
      organisationId: organisation.id,
    },
  );
  return created(person);
});
