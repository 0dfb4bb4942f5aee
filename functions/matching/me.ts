import { getOrganisation } from '../../shared/data/organisations-repo';
import { defineHandler } from '../../shared/http/handler';
import { ok } from '../../shared/http/responses';

/** Who am I: the web app asks this to pick the navigation for the person's role. */
export const handler = defineHandler('me', {}, async ({ caller }) => {
  const organisation = await getOrganisation(caller.organisationId);
  return ok({
    id: caller.userId,
    email: caller.email,
    name: caller.name,
    role: caller.role,
    organisation,
  });
});
