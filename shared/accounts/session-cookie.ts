import { REFRESH_TOKEN_DAYS } from '#contract/auth-policy';
import { optionalEnv } from '#platform/config';

export const SESSION_COOKIE = 'sm_session';
/** Only the auth routes ever see the cookie: refresh and logout. */
const PATH = '/api/auth';
const secure = () => optionalEnv('COOKIE_SECURE') !== 'false';

/**
 * A readable, secret-free companion: it only tells the web app that a session may exist, so a
 * visitor without one is not sent on a refresh that can only fail.
 */
export const HINT_COOKIE = 'sm_hint';

const MAX_AGE = REFRESH_TOKEN_DAYS * 24 * 60 * 60;
const flags = () => `SameSite=Strict${secure() ? '; Secure' : ''}`;

export function sessionCookies(value: string): string[] {
  return [
    `${SESSION_COOKIE}=${value}; Path=${PATH}; Max-Age=${MAX_AGE}; HttpOnly; ${flags()}`,
    `${HINT_COOKIE}=1; Path=/; Max-Age=${MAX_AGE}; ${flags()}`,
  ];
}

export function clearedSessionCookies(): string[] {
  return [
    `${SESSION_COOKIE}=; Path=${PATH}; Max-Age=0; HttpOnly; ${flags()}`,
    `${HINT_COOKIE}=; Path=/; Max-Age=0; ${flags()}`,
  ];
}

/** Reads the session cookie from API Gateway's `cookies` array (payload 2.0). */
export function readSessionCookie(cookies: string[] | undefined): string | null {
  for (const cookie of cookies ?? []) {
    const [name, ...rest] = cookie.split('=');
    if (name?.trim() === SESSION_COOKIE) return rest.join('=') || null;
  }
  return null;
}
