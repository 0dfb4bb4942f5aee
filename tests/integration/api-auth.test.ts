import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { createTestUser } from './helpers/users';

const require = createRequire(import.meta.url);
const api = (path: string, init?: RequestInit) => fetch(`${inject('stack').appUrl}/api${path}`, init);
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** A token like the pool's, re-signed with the given key and claims changed as the test says. */
async function resign(
  token: string,
  key: Parameters<SignJWT['sign']>[0],
  kid: string,
  changes: Record<string, unknown>,
) {
  const claims = { ...decodeJwt(token), ...changes };
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}

describe('API authentication (local JWT authorizer + identity from DynamoDB)', () => {
  it('answers health without a token', async () => {
    const res = await api('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('issues a Cognito access token that the API accepts, and knows the person from data', async () => {
    const user = await createTestUser({ role: 'service' });
    const claims = decodeJwt(user.accessToken);
    expect(claims.token_use).toBe('access');
    expect(claims.iss).toBe(`${inject('stack').endpoints.cognito}/${inject('stack').userPool.userPoolId}`);
    const res = await api('/me', bearer(user.accessToken));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: user.person.id, email: user.email, role: 'service' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a request without a token with 401', async () => {
    const res = await api('/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a token signed by anyone but the user pool', async () => {
    const user = await createTestUser();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = (decodeJwtHeader(user.accessToken).kid as string) ?? 'x';
    const forged = await resign(user.accessToken, privateKey, kid, {});
    expect((await api('/me', bearer(forged))).status).toBe(401);
  });

  it('refuses an expired token, even one signed with the right key', async () => {
    const user = await createTestUser();
    const jwk = JSON.parse(
      readFileSync(require.resolve('cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8'),
    ) as { jwk: { kid: string } & Record<string, string> };
    const key = createPrivateKey({ key: jwk.jwk, format: 'jwk' });
    const now = Math.floor(Date.now() / 1000);
    const expired = await resign(user.accessToken, key, jwk.jwk.kid, { iat: now - 3600, exp: now - 60 });
    const stillValid = await resign(user.accessToken, key, jwk.jwk.kid, { iat: now, exp: now + 600 });
    expect((await api('/me', bearer(stillValid))).status).toBe(200);
    expect((await api('/me', bearer(expired))).status).toBe(401);
  });

  it('refuses an ID token or a token for another app client', async () => {
    const user = await createTestUser();
    const jwk = JSON.parse(
      readFileSync(require.resolve('cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8'),
    ) as { jwk: { kid: string } & Record<string, string> };
    const key = createPrivateKey({ key: jwk.jwk, format: 'jwk' });
    const otherClient = await resign(user.accessToken, key, jwk.jwk.kid, { client_id: 'someone-else' });
    const idToken = await resign(user.accessToken, key, jwk.jwk.kid, { token_use: 'id' });
    expect((await api('/me', bearer(otherClient))).status).toBe(401);
    expect((await api('/me', bearer(idToken))).status).toBe(401);
  });

  it('refuses with 403 a valid login that the product does not know', async () => {
    const unknown = await createTestUser({ identity: false });
    for (const user of [unknown]) {
      const res = await api('/me', bearer(user.accessToken));
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'FORBIDDEN', message: expect.any(String) });
    }
  });

  it('answers unknown API paths with 404 and keeps the web app for other paths', async () => {
    expect((await api('/bestaat-niet')).status).toBe(404);
    const page = await fetch(`${inject('stack').appUrl}/leerlingen/123`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="nl-BE">');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

function decodeJwtHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
}
