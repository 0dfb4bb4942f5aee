import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
  /** The same moment in milliseconds: a session started in the second of a reset must survive it. */
  createdAtMs?: number;
  expiresAtMs: number;
  /** The access tokens this session was given (`<exp>.<jti>`), so that logout can revoke them. */
  issued?: Set<string>;
}

export async function putSession(session: StoredSession): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.session(session.id), ...session, expiresAt: ttl(session.expiresAtMs) },
    }),
  );
}

/** Notes an access token the session was given (on refresh). */
export async function noteIssuedToken(id: string, ref: string): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.session(id),
      UpdateExpression: 'ADD issued :ref',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':ref': new Set([ref]) },
    }),
  );
}

/**
 * Revokes access tokens before they expire: they go on the person's identity, which every request
 * reads anyway, and come off again once expired (the `<exp>` prefix says when).
 */
export async function revokeTokens(sub: string, refs: string[], now: Date): Promise<void> {
  const nowSec = Math.floor(now.getTime() / 1000);
  const live = refs.filter((r) => Number(r.split('.')[0]) > nowSec);
  if (live.length === 0) return;
  const { Attributes } = await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.identity(sub),
      UpdateExpression: 'ADD revokedTokens :refs',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':refs': new Set(live) },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const expired = [...((Attributes?.revokedTokens as Set<string> | undefined) ?? [])].filter(
    (r) => Number(r.split('.')[0]) <= nowSec,
  );
  if (expired.length === 0) return;
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.identity(sub),
      UpdateExpression: 'DELETE revokedTokens :old',
      ExpressionAttributeValues: { ':old': new Set(expired) },
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
