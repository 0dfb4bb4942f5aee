import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Province } from '#contract/provinces';
import type { Role } from '#contract/roles';
import { forbidden } from '#kernel/errors';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import type { Identity } from './identities';

/** A person's place in an organisation other than the one they were invited into. */
export interface MembershipGrant {
  role: Role;
  /** The membership itself and its organisation are both active. */
  active: boolean;
  /** The organisation's provinces when it is a regional team. */
  provinces?: Province[];
}

export interface MembershipLookup {
  find(personId: string, organisationId: string): Promise<MembershipGrant | null>;
}

/** The organisation a request says it acts for (the `x-organisation` header), checked per request. */
export interface RequestedOrganisation {
  organisationId: string;
  memberships: MembershipLookup;
}

export const dynamoMemberships: MembershipLookup = {
  async find(personId, organisationId) {
    const db = dynamoClient();
    const TableName = settings.tableName();
    const [membership, organisation] = await Promise.all([
      db.send(
        new GetCommand({ TableName, Key: keys.membership(personId, organisationId), ConsistentRead: true }),
      ),
      db.send(
        new GetCommand({
          TableName,
          Key: keys.organisation(organisationId),
          ProjectionExpression: 'active, provinces',
          ConsistentRead: true,
        }),
      ),
    ]);
    if (!membership.Item) return null;
    return {
      role: membership.Item.role,
      active: membership.Item.active === true && organisation.Item?.active === true,
      ...(organisation.Item?.provinces?.length ? { provinces: organisation.Item.provinces } : {}),
    };
  },
};

/**
 * For whom this request acts: the person's own organisation, or — when the request names another
 * — one they are an active member of. Anything else is refused; nothing is remembered between
 * requests, so authorisation stays per organisation on every call.
 */
export async function actingFor(
  identity: Pick<Identity, 'userId' | 'organisationId' | 'role' | 'provinces'>,
  requested: RequestedOrganisation | undefined,
): Promise<{ organisationId: string; role: Role; provinces: Province[] | undefined }> {
  // `provinces` is always named, so that acting for another organisation never keeps the home one's.
  const own = { organisationId: identity.organisationId, role: identity.role, provinces: identity.provinces };
  if (!requested || requested.organisationId === identity.organisationId) return own;
  const grant = await requested.memberships.find(identity.userId, requested.organisationId);
  if (!grant?.active) throw forbidden('Je hoort niet (meer) bij deze organisatie.');
  return { organisationId: requested.organisationId, role: grant.role, provinces: grant.provinces };
}
