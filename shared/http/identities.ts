import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '#contract/roles';
import { dynamoClient } from '#platform/aws-clients';
import { settings } from '#platform/config';
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

export const dynamoIdentityStore: IdentityStore = {
  async findBySubject(subject) {
    const db = dynamoClient();
    const TableName = settings.tableName();
    const { Item } = await db.send(
      new GetCommand({ TableName, Key: keys.identity(subject), ConsistentRead: true }),
    );
    if (!Item) return null;
    const org = await db.send(
      new GetCommand({
        TableName,
        Key: keys.organisation(Item.organisationId),
        ProjectionExpression: 'active',
        ConsistentRead: true,
      }),
    );
    return {
      userId: Item.userId,
      email: Item.email,
      name: Item.name,
      role: Item.role,
      organisationId: Item.organisationId,
      active: Item.active === true,
      organisationActive: org.Item?.active === true,
      sessionsValidAfter: Item.sessionsValidAfter,
      sessionsEndedAtMs: Item.sessionsEndedAtMs,
      revokedTokens: Item.revokedTokens,
    };
  },
};
