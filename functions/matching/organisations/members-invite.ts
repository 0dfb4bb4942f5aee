import { invitePerson, organisationOr404 } from '#accounts/invitations';
import { NewPerson, OrganisationPath } from '#contract/organisations';
import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { personView } from '#organisations/use-cases';

export const handler = defineHandler(
  'members-invite',
  { path: OrganisationPath, body: NewPerson },
  async ({ path, body }) => {
    const organisation = await organisationOr404(path.id);
    return created(personView(await invitePerson(organisation, body, new Date())));
  },
);
