import { NEWS_KINDS, newsPreferencesOf } from '#contract/session';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { notFound } from '#kernel/errors';
import { findPersonByEmail, setPersonFields } from '#organisations/people-store';

/**
 * "Mijn account": reminder mails, and each kind of mail about the school's students, on or off;
 * open and close mails always go out.
 */
export const handler = defineHandler('me-preferences', async ({ caller, body }) => {
  // The person's own account, also while they act for another organisation (x-organisation).
  const person = await findPersonByEmail(caller.email);
  if (!person) throw notFound();
  const reminders = body.reminders ?? person.reminders !== false;
  const off = new Set(person.newsOff ?? []);
  for (const kind of NEWS_KINDS) {
    const on = body.news?.[kind];
    if (on === true) off.delete(kind);
    if (on === false) off.add(kind);
  }
  const newsOff = NEWS_KINDS.filter((k) => off.has(k));
  await setPersonFields(person, { reminders, newsOff });
  return ok({ reminders, news: newsPreferencesOf(newsOff) });
});
