import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { stripKeys } from './keys';

/** Reads many items by key, 100 per request as DynamoDB allows, retrying what it returns unprocessed. */
export async function batchGet<T>(
  keyList: { pk: string; sk: string }[],
  projection?: string[],
): Promise<T[]> {
  const found: T[] = [];
  const TableName = settings.tableName();
  const names = projection ? Object.fromEntries(projection.map((f, i) => [`#p${i}`, f])) : undefined;
  for (let i = 0; i < keyList.length; i += 100) {
    let request:
      | Record<
          string,
          {
            Keys: Record<string, unknown>[];
            ProjectionExpression?: string;
            ExpressionAttributeNames?: Record<string, string>;
          }
        >
      | undefined = {
      [TableName]: {
        Keys: keyList.slice(i, i + 100),
        ...(names
          ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names }
          : {}),
      },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await dynamoClient().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[TableName] ?? []) found.push(stripKeys(item) as T);
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}
