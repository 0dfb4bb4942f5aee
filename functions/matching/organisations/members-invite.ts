import { invitePerson, organisationOr404 } from '../../../shared/accounts/invitations';
import { personView } from '../../../shared/accounts/organisations';
import { NewPerson } from '../../../shared/domain/organisations';
import { defineHandler } from '../../../shared/http/handler';
import { created } from '../../../shared/http/responses';
import { organisationPath } from './schemas';

export const handler = defineHandler(
  'members-invite',
  { path: organisationPath, body: NewPerson },
  async ({ path, body }) => {
    const organisation = await organisationOr404(path.id);
    return created(personView(await invitePerson(organisation, body, new Date())));
  },
);
