import type { Role } from '#contract/roles';
import { forbidden, unauthenticated } from '#kernel/errors';
import type { Identity, IdentityStore } from './identities';
import { actingFor, type RequestedOrganisation } from './memberships';

export type Caller = Omit<
  Identity,
  'active' | 'organisationActive' | 'sessionsValidAfter' | 'sessionsEndedAtMs' | 'revokedTokens'
>;

/** JWT claims as API Gateway's authorizer hands them to the function: all strings. */
export type JwtClaims = Record<string, string | number | boolean | string[]>;

/**
 * Turns verified token claims into a caller, refusing people who were deactivated or whose role
 * may not use the route. The token only proves who someone is; what they may do is read fresh.
 */
export async function resolveCaller(
  claims: JwtClaims | undefined,
  allowedRoles: readonly Role[],
  store: IdentityStore,
  requested?: RequestedOrganisation,
): Promise<Caller> {
  const subject = typeof claims?.sub === 'string' ? claims.sub : undefined;
  if (!subject) throw unauthenticated();
  // Only access tokens: an ID token of the same pool must not stand in for one (the edge checks
  // this too; the handler does not rely on it).
  if (claims?.token_use !== 'access') throw unauthenticated();
  const identity = await store.findBySubject(subject);
  if (!identity?.active || !identity.organisationActive) throw forbidden('Je account is niet (meer) actief.');
  // A password reset ends every session that existed before it, access tokens included.
  const issuedAt = Number(claims?.iat);
  if (identity.sessionsValidAfter && !(issuedAt >= identity.sessionsValidAfter)) {
    throw unauthenticated('Je sessie is beëindigd. Meld je opnieuw aan.');
  }
  // A logout ends the tokens of its session at once, not when they expire.
  if (identity.revokedTokens?.has(`${claims?.exp}.${claims?.jti}`)) {
    throw unauthenticated('Je bent afgemeld. Meld je opnieuw aan.');
  }
  // A person of several organisations names the one they act for; the role is that organisation's.
  const acting = await actingFor(identity, requested);
  if (!allowedRoles.includes(acting.role)) throw forbidden();
  const {
    active: _a,
    organisationActive: _o,
    sessionsValidAfter: _s,
    sessionsEndedAtMs: _m,
    revokedTokens: _r,
    ...caller
  } = identity;
  return { ...caller, ...acting };
}
