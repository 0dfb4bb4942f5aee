import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { stripKeys } from './keys';

/**
 * Every item of a query, following DynamoDB's pages, with the table's key attributes removed
 * (kept on request, for code that must address the items again).
 */
export async function queryAll<T>(
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
  options: { keepKeys?: boolean } = {},
): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    for (const item of page.Items ?? []) items.push((options.keepKeys ? item : stripKeys(item)) as T);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
