import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'activation' | 'reset';

export const TOKEN_LIFETIME_MS: Record<TokenKind, number> = {
  activation: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

/** 256 random bits for the link; only the hash is stored, so the table alone opens no account. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
