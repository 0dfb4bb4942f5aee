import { optionalEnv } from '../config/env';
import { REFRESH_TOKEN_DAYS } from '../domain/auth-policy';

export const SESSION_COOKIE = 'sm_session';
/** Only the auth routes ever see the cookie: refresh and logout. */
const PATH = '/api/auth';
const secure = () => optionalEnv('COOKIE_SECURE') !== 'false';

export function sessionCookie(value: string): string {
  const maxAge = REFRESH_TOKEN_DAYS * 24 * 60 * 60;
  return `${SESSION_COOKIE}=${value}; Path=${PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure() ? '; Secure' : ''}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=${PATH}; Max-Age=0; HttpOnly; SameSite=Strict${secure() ? '; Secure' : ''}`;
}

/** Reads the session cookie from API Gateway's `cookies` array (payload 2.0). */
export function readSessionCookie(cookies: string[] | undefined): string | null {
  for (const cookie of cookies ?? []) {
    const [name, ...rest] = cookie.split('=');
    if (name?.trim() === SESSION_COOKIE) return rest.join('=') || null;
  }
  return null;
}
