import { randomBytes, timingSafeEqual } from 'node:crypto';
import { REFRESH_TOKEN_DAYS } from '#contract/auth-policy';
import { dynamoIdentityStore } from '#http/identities';
import { unauthenticated } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { type CognitoTokens, cognitoLogins, subjectOf } from './cognito';
import { hashToken } from './one-time-tokens';
import { clearedSessionCookies, sessionCookies } from './session-cookie';
import { deleteSession, getSession, putSession } from './sessions-store';

export interface SignedIn {
  body: { accessToken: string; expiresIn: number };
  cookies: string[];
}

/** Starts a browser session after Cognito accepted the password. */
export async function startSession(tokens: CognitoTokens, now: Date): Promise<SignedIn> {
  if (!tokens.refreshToken) throw new Error('Cognito returned no refresh token on login');
  const id = newId(now.getTime());
  const secret = randomBytes(32).toString('base64url');
  await putSession({
    id,
    secretHash: hashToken(secret),
    sub: subjectOf(tokens.accessToken),
    refreshToken: tokens.refreshToken,
    createdAt: Math.floor(now.getTime() / 1000),
    expiresAtMs: now.getTime() + REFRESH_TOKEN_DAYS * 24 * 60 * 60 * 1000,
  });
  return {
    body: { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn },
    cookies: sessionCookies(`${id}.${secret}`),
  };
}

/** A fresh access token for a browser whose session still stands. */
export async function refreshSession(cookieValue: string | null, now: Date): Promise<SignedIn['body']> {
  const [id, secret] = (cookieValue ?? '').split('.');
  if (!id || !secret) throw unauthenticated();
  const session = await getSession(id);
  if (
    !session ||
    session.expiresAtMs <= now.getTime() ||
    !sameSecret(session.secretHash, hashToken(secret))
  ) {
    throw unauthenticated();
  }
  const identity = await dynamoIdentityStore.findBySubject(session.sub);
  const ended = identity?.sessionsValidAfter !== undefined && session.createdAt < identity.sessionsValidAfter;
  if (!identity?.active || !identity.organisationActive || ended) {
    await deleteSession(id);
    throw unauthenticated();
  }
  const tokens = await cognitoLogins.refresh(session.refreshToken);
  if (!tokens) throw unauthenticated();
  return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
}

export async function endSession(cookieValue: string | null): Promise<string[]> {
  const id = cookieValue?.split('.')[0];
  if (id) await deleteSession(id);
  return clearedSessionCookies();
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
