import { setIdentityFields, setPersonFields } from '#organisations/people-store';
import { cognitoLogins } from './cognito';
import { clearFailedLogins } from './login-attempts-store';
import { personForLink, spendLink } from './one-time-links';
import { assertGoodPassword } from './passwords';
import { type SignedIn, startSession } from './sessions';

/** Sets the new password, ends every other session of the person, and logs this browser in. */
export async function resetPassword(token: string, password: string, now: Date): Promise<SignedIn> {
  const { person, hash } = await personForLink(token, 'reset', now);
  await assertGoodPassword(password, person.email);
  if (!person.sub) throw new Error('An active person without a login');
  await cognitoLogins.setPassword(person.email, password);
  await spendLink(hash, 'reset', now);
  await setPersonFields(person, { resetTokenHash: '' });
  await setIdentityFields(person.sub, {
    sessionsValidAfter: Math.floor(now.getTime() / 1000),
    sessionsEndedAtMs: now.getTime(),
  });
  await clearFailedLogins(person.email);
  const tokens = await cognitoLogins.authenticate(person.email, password);
  if (!tokens) throw new Error('Cognito refused the password it just accepted');
  return startSession(tokens, now);
}
