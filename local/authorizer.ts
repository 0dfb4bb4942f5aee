import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * Stands in for API Gateway's JWT authorizer: the same checks (signature against the pool's
 * JWKS, issuer, expiry, audience via `client_id`) and the same refusal shape, so handlers and the
 * web app meet locally exactly what they meet in AWS.
 */
export function createLocalAuthorizer(options: {
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
}) {
  const issuer = `${options.cognitoEndpoint}/${options.userPoolId}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  return async function authorize(authorization: string | undefined): Promise<Record<string, string> | null> {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer, algorithms: ['RS256'] });
      const audience = payload.client_id ?? payload.aud;
      if (audience !== options.clientId) return null;
      if (payload.token_use !== 'access') return null;
      // API Gateway hands claims over as strings.
      return Object.fromEntries(
        Object.entries(payload).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      );
    } catch {
      return null;
    }
  };
}

export type LocalAuthorizer = ReturnType<typeof createLocalAuthorizer>;
