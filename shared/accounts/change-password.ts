import type { Caller } from '#http/caller';
import { type FieldError, HttpError, validationFailed } from '#kernel/errors';
import { setIdentityFields } from '#organisations/people-store';
import { cognitoLogins, subjectOf } from './cognito';
import { checkPassword } from './login';
import { clearFailedLogins } from './login-attempts-store';
import { assertGoodPassword } from './passwords';
import { type SignedIn, startSession } from './sessions';

/**
 * "Mijn account": a logged-in person changes their password. The current password is checked
 * behind the same lock as a login (five tries), every other session ends, and this browser gets
 * a fresh one.
 */
export async function changePassword(
  caller: Caller,
  currentPassword: string,
  newPassword: string,
  now: Date,
): Promise<SignedIn> {
  const problems: FieldError[] = [];
  // The new password's own problems first: a form mistake should not use up a login attempt.
  try {
    await assertGoodPassword(newPassword, caller.email, 'newPassword');
    if (newPassword === currentPassword) {
      problems.push({
        path: 'newPassword',
        in: 'body',
        message: 'Kies een ander wachtwoord dan je huidige.',
      });
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    problems.push(...(error.details as FieldError[]));
  }
  if (problems.length > 0) throw validationFailed(problems);

  const tokens = await checkPassword(caller.email, currentPassword, now);
  if (!tokens) {
    throw validationFailed([
      { path: 'currentPassword', in: 'body', message: 'Je huidige wachtwoord klopt niet.' },
    ]);
  }
  await clearFailedLogins(caller.email);
  await cognitoLogins.setPassword(caller.email, newPassword);
  await setIdentityFields(subjectOf(tokens.accessToken), {
    sessionsValidAfter: Math.floor(now.getTime() / 1000),
    sessionsEndedAtMs: now.getTime(),
  });
  const fresh = await cognitoLogins.authenticate(caller.email, newPassword);
  if (!fresh) throw new Error('Cognito refused the password it just accepted');
  return startSession(fresh, now);
}
