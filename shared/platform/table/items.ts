import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { stripKeys } from './keys';

type Key = { pk: string; sk: string };
type Item = Key & Record<string, unknown>;

/** True when a write was refused by its condition (alone, or as part of a transaction). */
export const refusedByCondition = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException' ||
  error instanceof TransactionCanceledException;

/** One item by key, read consistently, without its table keys; null when it is not there. */
export async function getItem<T>(key: Key): Promise<T | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: settings.tableName(), Key: key, ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as T) : null;
}

/** Writes the item unless one with its key exists; false when it did (nothing written). */
export async function putIfAbsent(item: Item): Promise<boolean> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: settings.tableName(),
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}

/**
 * Writes all the items or none, each only if its key is new: an object together with the claim
 * that makes it unique (one registration per address, one open takeover per person and service).
 * False when any of them existed.
 */
export async function putAllIfAbsent(items: Item[]): Promise<boolean> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: items.map((Item) => ({
          Put: { TableName: settings.tableName(), Item, ConditionExpression: 'attribute_not_exists(pk)' },
        })),
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}
