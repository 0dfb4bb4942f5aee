import type { NewPerson, Organisation } from '#contract/organisations';
import { conflict, notFound } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { createPerson, EmailTaken, findPersonByEmail, type StoredPerson } from '#organisations/people-store';
import { getOrganisation } from '#organisations/store';
import { type Mailer, sesMailer } from '#platform/mailer';
import { count, FIGURES } from '#platform/metrics';
import { refuseUnreachable, suppressionOf } from '#platform/suppression-list';
import { invitationMail, newActivationMail } from './mails';
import { issueLink } from './one-time-links';

/**
 * Creates the person and mails their activation link. With `id` (an import's row) a retry finds
 * the person it created before and only mails again; anyone else's address is a conflict.
 */
export async function invitePerson(
  organisation: Organisation,
  input: NewPerson,
  now: Date,
  mailer: Mailer = sesMailer,
  options: { id?: string } = {},
): Promise<StoredPerson> {
  if (!organisation.active) throw conflict('Deze organisatie is gedeactiveerd; activeer ze eerst opnieuw.');
  await refuseUnreachable(input.email);
  const person: StoredPerson = {
    id: options.id ?? newId(now.getTime()),
    organisationId: organisation.id,
    email: input.email,
    name: input.name,
    status: 'invited',
    invitedAt: now.toISOString(),
  };
  try {
    await createPerson(person);
  } catch (error) {
    const mine = error instanceof EmailTaken && options.id && (await findPersonByEmail(input.email));
    if (
      mine &&
      mine.id === person.id &&
      mine.organisationId === organisation.id &&
      mine.status === 'invited'
    ) {
      return sendInvitation(mine, organisation, now, mailer);
    }
    if (error instanceof EmailTaken) {
      throw conflict('Dit e-mailadres heeft al een account.', [
        { path: 'email', in: 'body', message: 'Dit e-mailadres heeft al een account.' },
      ]);
    }
    throw error;
  }
  return sendInvitation(person, organisation, now, mailer);
}

async function sendInvitation(person: StoredPerson, organisation: Organisation, now: Date, mailer: Mailer) {
  const token = await issueLink(person, 'activation', now);
  await mailer.send(invitationMail(person, organisation.name, token));
  count(FIGURES.invitations);
  return person;
}

/**
 * Sends a new activation mail to a person who has not activated yet. Says nothing either way, so
 * that nobody learns which addresses have an account.
 */
export async function resendActivation(email: string, now: Date, mailer: Mailer = sesMailer): Promise<void> {
  const person = await findPersonByEmail(email);
  if (person?.status !== 'invited') return;
  // A link to a dead address would only bounce again; the admin corrects it first.
  if (await suppressionOf(person.email)) return;
  const organisation = await getOrganisation(person.organisationId);
  if (!organisation?.active) return;
  const token = await issueLink(person, 'activation', now);
  await mailer.send(newActivationMail(person, token));
}

export async function organisationOr404(id: string): Promise<Organisation> {
  const organisation = await getOrganisation(id);
  if (!organisation) throw notFound('Deze organisatie bestaat niet.');
  return organisation;
}
