import { organisationOr404 } from '#accounts/invitations';
import { audit } from '#audit/record';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { changeOrganisation } from '#organisations/use-cases';

export const handler = defineHandler('organisations-update', async ({ caller, path, body }) => {
  const organisation = await changeOrganisation(await organisationOr404(path.id), body, new Date());
  await audit(
    caller,
    'organisation.update',
    { kind: 'organisation', id: organisation.id, label: organisation.name },
    {
      fields: Object.keys(body).join(','),
    },
  );
  return ok(organisation);
});
