import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, ttl } from '#platform/table/keys';

const table = () => settings.tableName();

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/**
 * Reserves one password check for an address, before the password is looked at: one conditional
 * update, so of any number of parallel logins at most five get a place until the lock. Returns the
 * place (1–5), or null when the address is locked or all five places are taken. Kept per address,
 * known or not, so it reveals nothing.
 */
export async function reserveAttempt(email: string, now: Date): Promise<number | null> {
  try {
    const { Attributes } = await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.loginAttempts(email),
        UpdateExpression: 'ADD tries :one SET expiresAt = :ttl',
        ConditionExpression:
          '(attribute_not_exists(lockedUntilMs) OR lockedUntilMs <= :now) AND (attribute_not_exists(tries) OR tries < :max)',
        ExpressionAttributeValues: {
          ':one': 1,
          ':now': now.getTime(),
          ':max': MAX_FAILED_LOGINS,
          ':ttl': ttl(now.getTime() + LOCKOUT_MS * 4),
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.tries ?? 1);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}

/**
 * A reserved check failed. The fifth place locks the address for 15 minutes; after that the five
 * places are free again. Earlier places simply stay used (failures in a row count).
 */
export async function recordFailedLogin(
  email: string,
  place: number,
  now: Date,
): Promise<{ locked: boolean }> {
  if (place < MAX_FAILED_LOGINS) return { locked: false };
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.loginAttempts(email),
      UpdateExpression: 'SET lockedUntilMs = :until, tries = :zero',
      ExpressionAttributeValues: { ':until': now.getTime() + LOCKOUT_MS, ':zero': 0 },
    }),
  );
  return { locked: true };
}

export async function clearFailedLogins(email: string): Promise<void> {
  await dynamoClient().send(new DeleteCommand({ TableName: table(), Key: keys.loginAttempts(email) }));
}
