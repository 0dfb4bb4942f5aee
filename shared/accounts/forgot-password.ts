import { findPersonByEmail } from '#organisations/people-store';
import { type Mailer, sesMailer } from '#platform/mailer';
import { resendActivation } from './invitations';
import { resetMail } from './mails';
import { issueLink } from './one-time-links';

// Apart from password-reset.ts, so that this handler does not carry the password-strength code.
/** Mails a reset link to an active person; someone still to activate gets an activation mail. */
export async function forgotPassword(email: string, now: Date, mailer: Mailer = sesMailer): Promise<void> {
  const person = await findPersonByEmail(email);
  if (!person) return;
  if (person.status === 'invited') return resendActivation(email, now, mailer);
  if (person.status !== 'active') return;
  await mailer.send(resetMail(person, await issueLink(person, 'reset', now)));
}
