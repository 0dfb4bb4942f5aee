import { findPersonByEmail, setIdentityFields, setPersonFields } from '#organisations/people-store';
import { type Mailer, sesMailer } from '#platform/mailer';
import { cognitoLogins } from './cognito';
import { resendActivation } from './invitations';
import { clearFailedLogins } from './login-attempts-store';
import { resetMail } from './mails';
import { issueLink, personForLink, spendLink } from './one-time-links';
import { assertGoodPassword } from './passwords';
import { type SignedIn, startSession } from './sessions';

/** Mails a reset link to an active person; someone still to activate gets an activation mail. */
export async function forgotPassword(email: string, now: Date, mailer: Mailer = sesMailer): Promise<void> {
  const person = await findPersonByEmail(email);
  if (!person) return;
  if (person.status === 'invited') return resendActivation(email, now, mailer);
  if (person.status !== 'active') return;
  await mailer.send(resetMail(person, await issueLink(person, 'reset', now)));
}

/** Sets the new password, ends every other session of the person, and logs this browser in. */
export async function resetPassword(token: string, password: string, now: Date): Promise<SignedIn> {
  const { person, hash } = await personForLink(token, 'reset', now);
  assertGoodPassword(password, person.email);
  if (!person.sub) throw new Error('An active person without a login');
  await cognitoLogins.setPassword(person.email, password);
  await spendLink(hash, 'reset', now);
  await setPersonFields(person, { resetTokenHash: '' });
  await setIdentityFields(person.sub, { sessionsValidAfter: Math.floor(now.getTime() / 1000) });
  await clearFailedLogins(person.email);
  const tokens = await cognitoLogins.authenticate(person.email, password);
  if (!tokens) throw new Error('Cognito refused the password it just accepted');
  return startSession(tokens, now);
}
