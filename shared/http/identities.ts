import type { Province } from '#contract/provinces';
import type { Role } from '#contract/roles';
import { getItems } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';

/** Who a logged-in person is, as the product knows them: decided from data, not token claims. */
export interface Identity {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  active: boolean;
  /** Whether the person's organisation is active; a deactivated one locks all its people out. */
  organisationActive: boolean;
  /** A regional team's provinces (its organisation's); absent for the national team and everyone else. */
  provinces?: Province[];
  /** Tokens issued before this moment (epoch seconds) no longer count: set by a password reset. */
  sessionsValidAfter?: number;
  /** Browser sessions started before this moment (epoch ms) are over: set with sessionsValidAfter. */
  sessionsEndedAtMs?: number;
  /** Access tokens ended by a logout before they expire, as `<exp>.<jti>`. */
  revokedTokens?: Set<string>;
}

export interface IdentityStore {
  findBySubject(subject: string): Promise<Identity | null>;
}

export const identityKey = keys.identity;

/**
 * The attributes read on every request: the identity's, and the organisation's `active` and
 * `provinces` (a regional team's). A new identity attribute that `findBySubject` maps must be added
 * here too.
 */
const IDENTITY_FIELDS = [
  'userId',
  'email',
  'name',
  'role',
  'organisationId',
  'active',
  'sessionsValidAfter',
  'sessionsEndedAtMs',
  'revokedTokens',
  'provinces',
];

/**
 * Which organisation a subject belongs to. An identity never moves to another organisation, so a
 * container remembers it, only to read the identity and its organisation in one round trip; the
 * answer is checked against the identity read with it. Role and active flags are never cached.
 */
const organisationOf = new Map<string, string>();
const REMEMBERED = 10_000;

type Stored = Omit<Identity, 'organisationActive' | 'active'> & { active?: unknown };
type OrganisationFlag = { active?: unknown; provinces?: Province[] };

export const dynamoIdentityStore: IdentityStore = {
  async findBySubject(subject) {
    const read = (organisationId: string) =>
      getItems<[Stored, OrganisationFlag]>([keys.identity(subject), keys.organisation(organisationId)], {
        consistent: true,
        projection: IDENTITY_FIELDS,
      });
    const remembered = organisationOf.get(subject);
    let [item, organisation] = remembered
      ? await read(remembered)
      : [
          (
            await getItems<[Stored]>([keys.identity(subject)], {
              consistent: true,
              projection: IDENTITY_FIELDS,
            })
          )[0],
          null,
        ];
    if (!item) {
      organisationOf.delete(subject);
      return null;
    }
    if (item.organisationId !== remembered) {
      [item, organisation] = await read(item.organisationId);
      if (!item) return null;
      if (organisationOf.size >= REMEMBERED) organisationOf.clear();
      organisationOf.set(subject, item.organisationId);
    }
    return {
      userId: item.userId,
      email: item.email,
      name: item.name,
      role: item.role,
      organisationId: item.organisationId,
      active: item.active === true,
      organisationActive: organisation?.active === true,
      ...(organisation?.provinces?.length ? { provinces: organisation.provinces } : {}),
      sessionsValidAfter: item.sessionsValidAfter,
      sessionsEndedAtMs: item.sessionsEndedAtMs,
      revokedTokens: item.revokedTokens,
    };
  },
};
