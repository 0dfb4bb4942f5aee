import { assertOrganisationManageable, provincesOf } from '#admin/region-scope';
import { audit } from '#audit/record';
import { defineHandler } from '#http/handler';
import { created } from '#http/responses';
import { createOrganisation } from '#organisations/use-cases';

export const handler = defineHandler('organisations-create', async ({ caller, body }) => {
  // Regional teams are the national team's to create; a coordinator adds services of its provinces.
  assertOrganisationManageable(caller, body);
  const organisation = await createOrganisation(body, new Date());
  await audit(caller, 'organisation.create', {
    kind: 'organisation',
    id: organisation.id,
    label: organisation.name,
    ...provincesOf(organisation),
  });
  return created(organisation);
});
