import { dynamoIdentityStore } from '#http/identities';
import { forbidden, HttpError, unauthenticated } from '#kernel/errors';
import { touchOrganisation } from '#organisations/store';
import { count, FIGURES } from '#platform/metrics';
import { cognitoLogins, subjectOf } from './cognito';
import { clearFailedLogins, LOCKOUT_MS, recordFailedLogin, reserveAttempt } from './login-attempts-store';
import { type SignedIn, startSession } from './sessions';

const LOCKED_MESSAGE = `Te veel mislukte pogingen: je account is ${LOCKOUT_MS / 60_000} minuten geblokkeerd. Probeer het daarna opnieuw of vraag een nieuw wachtwoord aan.`;
const WRONG_MESSAGE = 'Het e-mailadres of het wachtwoord klopt niet.';

export const locked = () => new HttpError(429, 'ACCOUNT_LOCKED', LOCKED_MESSAGE);

/**
 * Email and password in, a session out. Unknown address and wrong password answer alike, and the
 * lock counts per address, known or not, so neither tells whether an account exists.
 */
export async function login(email: string, password: string, now: Date): Promise<SignedIn> {
  const tokens = await checkPassword(email, password, now);
  if (!tokens) throw unauthenticated(WRONG_MESSAGE);
  const identity = await dynamoIdentityStore.findBySubject(subjectOf(tokens.accessToken));
  if (!identity?.active || !identity.organisationActive) throw forbidden('Je account is niet (meer) actief.');
  await Promise.all([
    clearFailedLogins(email),
    touchOrganisation(identity.organisationId, 'lastLoginAt', now.toISOString()),
  ]);
  const session = await startSession(tokens, now);
  count(FIGURES.logins);
  return session;
}

/**
 * Cognito's answer to email and password, behind the lock: at most five checks per address until
 * it locks, however many arrive at once. Null for a wrong password; 429 once locked.
 */
export async function checkPassword(email: string, password: string, now: Date) {
  const place = await reserveAttempt(email, now);
  if (place === null) throw locked();
  const tokens = await cognitoLogins.authenticate(email, password);
  if (tokens) return tokens;
  count(FIGURES.loginsFailed);
  if ((await recordFailedLogin(email, place, now)).locked) {
    count(FIGURES.lockouts);
    throw locked();
  }
  return null;
}
