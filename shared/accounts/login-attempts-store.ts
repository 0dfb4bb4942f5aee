import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, ttl } from '#platform/table/keys';

const table = () => settings.tableName();

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Until when an address is locked, if it is. Kept per address, known or not, so it reveals nothing. */
export async function lockedUntil(email: string, now: Date): Promise<Date | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.loginAttempts(email), ConsistentRead: true }),
  );
  const until = Item?.lockedUntilMs as number | undefined;
  return until && until > now.getTime() ? new Date(until) : null;
}

/** Counts a failure atomically; the fifth in a row locks the address and starts counting again. */
export async function recordFailedLogin(email: string, now: Date): Promise<{ locked: boolean }> {
  const { Attributes } = await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.loginAttempts(email),
      UpdateExpression: 'ADD failures :one SET expiresAt = :ttl',
      ExpressionAttributeValues: { ':one': 1, ':ttl': ttl(now.getTime() + LOCKOUT_MS * 4) },
      ReturnValues: 'ALL_NEW',
    }),
  );
  if ((Attributes?.failures ?? 0) < MAX_FAILED_LOGINS) return { locked: false };
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.loginAttempts(email),
      UpdateExpression: 'SET lockedUntilMs = :until, failures = :zero',
      ExpressionAttributeValues: { ':until': now.getTime() + LOCKOUT_MS, ':zero': 0 },
    }),
  );
  return { locked: true };
}

export async function clearFailedLogins(email: string): Promise<void> {
  await dynamoClient().send(new DeleteCommand({ TableName: table(), Key: keys.loginAttempts(email) }));
}
