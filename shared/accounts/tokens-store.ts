import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, ttl } from '#platform/table/keys';
import type { TokenKind } from './one-time-tokens';

const table = () => settings.tableName();

export interface StoredToken {
  kind: TokenKind;
  personId: string;
  organisationId: string;
  email: string;
  expiresAtMs: number;
  usedAt?: string;
}

export async function putToken(hash: string, token: StoredToken): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.token(hash), ...token, expiresAt: ttl(token.expiresAtMs) },
    }),
  );
}

export async function getToken(hash: string): Promise<StoredToken | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.token(hash), ConsistentRead: true }),
  );
  return (Item as StoredToken | undefined) ?? null;
}

/** Marks a link used, once: of two clicks at the same moment only one gets true. */
export async function consumeToken(hash: string, kind: TokenKind, now: Date): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.token(hash),
        UpdateExpression: 'SET usedAt = :now',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(usedAt) AND kind = :kind AND expiresAtMs > :ms',
        ExpressionAttributeValues: { ':now': now.toISOString(), ':kind': kind, ':ms': now.getTime() },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
