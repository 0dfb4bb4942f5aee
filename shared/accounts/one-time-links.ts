import { gone } from '#kernel/errors';
import { getPerson, type StoredPerson, setPersonFields } from '#organisations/people-store';
import { hashToken, newToken, TOKEN_LIFETIME_MS, type TokenKind } from './one-time-tokens';
import { consumeToken, getToken, putToken } from './tokens-store';

const EXPIRED: Record<TokenKind, string> = {
  activation: 'Deze activatielink is verlopen of werd al gebruikt. Vraag een nieuwe activatiemail aan.',
  reset: 'Deze link om je wachtwoord te herstellen is verlopen of werd al gebruikt. Vraag een nieuwe aan.',
};

const CURRENT: Record<TokenKind, 'activationTokenHash' | 'resetTokenHash'> = {
  activation: 'activationTokenHash',
  reset: 'resetTokenHash',
};

/** A fresh link of this kind for the person; any older one of the same kind stops working. */
export async function issueLink(person: StoredPerson, kind: TokenKind, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await putToken(hash, {
    kind,
    personId: person.id,
    organisationId: person.organisationId,
    email: person.email,
    expiresAtMs: now.getTime() + TOKEN_LIFETIME_MS[kind],
  });
  await setPersonFields(person, { [CURRENT[kind]]: hash });
  return token;
}

/**
 * The person a link is for, while the link still works: not expired, not used, not replaced by a
 * newer mail, and the person still allowed in. Anything else is 410 Gone with advice.
 */
export async function personForLink(
  token: string,
  kind: TokenKind,
  now: Date,
): Promise<{ person: StoredPerson; hash: string }> {
  const hash = hashToken(token);
  const stored = await getToken(hash);
  if (!stored || stored.kind !== kind || stored.usedAt || stored.expiresAtMs <= now.getTime())
    throw gone(EXPIRED[kind]);
  const person = await getPerson(stored.organisationId, stored.personId);
  const current = person?.[CURRENT[kind]];
  const allowed = kind === 'activation' ? person?.status === 'invited' : person?.status === 'active';
  if (!person || current !== hash || !allowed) throw gone(EXPIRED[kind]);
  return { person, hash };
}

/** Uses the link up; of two uses at the same moment, one gets 410. */
export async function spendLink(hash: string, kind: TokenKind, now: Date): Promise<void> {
  if (!(await consumeToken(hash, kind, now))) throw gone(EXPIRED[kind]);
}
