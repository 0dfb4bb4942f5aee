import { randomBytes, timingSafeEqual } from 'node:crypto';
import { REFRESH_TOKEN_DAYS } from '#contract/auth-policy';
import { dynamoIdentityStore } from '#http/identities';
import { unauthenticated } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { type CognitoTokens, cognitoLogins, subjectOf, tokenRef } from './cognito';
import { hashToken } from './one-time-tokens';
import { clearedSessionCookies, sessionCookies } from './session-cookie';
import { deleteSession, getSession, noteIssuedToken, putSession, revokeTokens } from './sessions-store';

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
    createdAtMs: now.getTime(),
    expiresAtMs: now.getTime() + REFRESH_TOKEN_DAYS * 24 * 60 * 60 * 1000,
    issued: new Set([tokenRef(tokens.accessToken)]),
  });
  return {
    body: { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn },
    cookies: sessionCookies(`${id}.${secret}`),
  };
}

/** A fresh access token for a browser whose session still stands. */
export async function refreshSession(cookieValue: string | null, now: Date): Promise<SignedIn['body']> {
  const session = await sessionOf(cookieValue, now);
  if (!session) throw unauthenticated();
  const { id } = session;
  const identity = await dynamoIdentityStore.findBySubject(session.sub);
  const endedAtMs = identity?.sessionsEndedAtMs ?? (identity?.sessionsValidAfter ?? 0) * 1000;
  const ended = (session.createdAtMs ?? session.createdAt * 1000) < endedAtMs;
  if (!identity?.active || !identity.organisationActive || ended) {
    await deleteSession(id);
    throw unauthenticated();
  }
  const tokens = await cognitoLogins.refresh(session.refreshToken);
  if (!tokens) throw unauthenticated();
  await noteIssuedToken(id, tokenRef(tokens.accessToken));
  return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
}

/** The session a cookie names, if its secret matches and it has not expired. */
async function sessionOf(cookieValue: string | null, now: Date) {
  const [id, secret] = (cookieValue ?? '').split('.');
  if (!id || !secret) return null;
  const session = await getSession(id);
  if (
    !session ||
    session.expiresAtMs <= now.getTime() ||
    !sameSecret(session.secretHash, hashToken(secret))
  ) {
    return null;
  }
  return session;
}

/** Logout: the session ends, and so do the access tokens it was given, from the next request on. */
export async function endSession(cookieValue: string | null, now = new Date()): Promise<string[]> {
  const session = await sessionOf(cookieValue, now);
  if (session) {
    await revokeTokens(session.sub, [...(session.issued ?? [])], now);
    await deleteSession(session.id);
  }
  return clearedSessionCookies();
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
