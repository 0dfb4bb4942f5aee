import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { notFound } from '#kernel/errors';
import { findPersonByEmail, setPersonFields } from '#organisations/people-store';

/** "Mijn account": reminder mails on or off; open and close mails always go out. */
export const handler = defineHandler('me-preferences', async ({ caller, body }) => {
  // The person's own account, also while they act for another organisation (x-organisation).
  const person = await findPersonByEmail(caller.email);
  if (!person) throw notFound();
  await setPersonFields(person, { reminders: body.reminders });
  return ok({ reminders: body.reminders });
});
