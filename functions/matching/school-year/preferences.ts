import { PreferencesInput } from '#contract/school-year';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { setPersonFields } from '#organisations/people-store';

/** "Mijn account": reminder mails on or off; open and close mails always go out. */
export const handler = defineHandler(
  'me-preferences',
  { body: PreferencesInput },
  async ({ caller, body }) => {
    await setPersonFields(
      { id: caller.userId, organisationId: caller.organisationId },
      { reminders: body.reminders },
    );
    return ok({ reminders: body.reminders });
  },
);
