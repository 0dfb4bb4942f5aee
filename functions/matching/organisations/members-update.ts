import { organisationOr404 } from '#accounts/invitations';
import { audit } from '#audit/record';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { correctPersonEmail } from '#organisations/use-cases';

/** The admin corrects a person's address (after a bounce), or confirms that it works again. */
export const handler = defineHandler('members-update', async ({ caller, path, body }) => {
  const organisation = await organisationOr404(path.id);
  const person = await correctPersonEmail(organisation.id, path.memberId, body.email, new Date());
  await audit(
    caller,
    'account.email',
    { kind: 'person', id: person.id, label: person.name },
    { organisationId: organisation.id },
  );
  return ok(person);
});
