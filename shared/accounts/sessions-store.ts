import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, ttl } from '#platform/table/keys';

const table = () => settings.tableName();

/**
 * A browser's login. The cookie holds the session id and a secret; the Cognito refresh token
 * stays here, server-side, so no long-lived credential ever reaches page scripts.
 */
export interface StoredSession {
  id: string;
  secretHash: string;
  sub: string;
  refreshToken: string;
  /** Epoch seconds; a password reset ends sessions created before it. */
  createdAt: number;
  expiresAtMs: number;
}

export async function putSession(session: StoredSession): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.session(session.id), ...session, expiresAt: ttl(session.expiresAtMs) },
    }),
  );
}

export async function getSession(id: string): Promise<StoredSession | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.session(id), ConsistentRead: true }),
  );
  return (Item as StoredSession | undefined) ?? null;
}

export async function deleteSession(id: string): Promise<void> {
  await dynamoClient().send(new DeleteCommand({ TableName: table(), Key: keys.session(id) }));
}
