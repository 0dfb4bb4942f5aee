import { organisationOr404 } from '#accounts/invitations';
import { assertOrganisationManageable, provincesOf } from '#admin/region-scope';
import { audit } from '#audit/record';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { changeOrganisation } from '#organisations/use-cases';

export const handler = defineHandler('organisations-update', async ({ caller, path, body }) => {
  const current = await organisationOr404(path.id);
  assertOrganisationManageable(caller, current);
  // A coordinator cannot move a service out of its provinces either.
  if (body.province) assertOrganisationManageable(caller, { type: current.type, province: body.province });
  const organisation = await changeOrganisation(current, body, new Date());
  await audit(
    caller,
    'organisation.update',
    { kind: 'organisation', id: organisation.id, label: organisation.name, ...provincesOf(organisation) },
    {
      fields: Object.keys(body).join(','),
    },
  );
  return ok(organisation);
});
