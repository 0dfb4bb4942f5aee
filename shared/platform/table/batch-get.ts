import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { mapLimit } from '#kernel/concurrency';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { stripKeys } from './keys';

/** Requests of one batch read in flight at once: 10,000 keys in a dozen round trips, not a hundred. */
const IN_FLIGHT = 8;

/**
 * Reads many items by key, 100 per request as DynamoDB allows (a few requests at a time), retrying
 * what it returns unprocessed. The items come in no particular order.
 */
export async function batchGet<T>(
  keyList: { pk: string; sk: string }[],
  projection?: string[],
): Promise<T[]> {
  const found: T[] = [];
  const TableName = settings.tableName();
  const names = projection ? Object.fromEntries(projection.map((f, i) => [`#p${i}`, f])) : undefined;
  const starts: number[] = [];
  for (let i = 0; i < keyList.length; i += 100) starts.push(i);
  await mapLimit(starts, IN_FLIGHT, async (i) => {
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
  });
  return found;
}

/** A key of `getItems`: in the year's table, or in another one (`table`, e.g. the years registry). */
export type ItemKey = { pk: string; sk: string; table?: string };

/**
 * Up to 100 items of different kinds in one round trip, answered in the order of the keys (`null`
 * where there is none): what several GetItems would read, strongly consistent like them when asked.
 * A key may name another table: one BatchGetItem spans tables.
 */
export async function getItems<T extends unknown[]>(
  keyList: { [K in keyof T]: ItemKey },
  options: { consistent?: boolean; projection?: string[] } = {},
): Promise<{ [K in keyof T]: T[K] | null }> {
  if (keyList.length > 100) throw new Error('getItems reads at most 100 items');
  const main = settings.tableName();
  const id = (table: string, k: { pk: unknown; sk: unknown }) => `${table}\u0000${k.pk}\u0000${k.sk}`;
  const byTable = new Map<string, Map<string, { pk: string; sk: string }>>();
  for (const k of keyList as ItemKey[]) {
    const table = k.table ?? main;
    const keysOfTable = byTable.get(table) ?? new Map();
    keysOfTable.set(id(table, k), { pk: k.pk, sk: k.sk });
    byTable.set(table, keysOfTable);
  }
  const found = new Map<string, Record<string, unknown>>();
  // The keys always come along: they tell which answer belongs to which key.
  const fields = options.projection ? ['pk', 'sk', ...options.projection] : undefined;
  const names = fields ? Object.fromEntries(fields.map((f, i) => [`#p${i}`, f])) : undefined;
  let request:
    | Record<
        string,
        {
          Keys: Record<string, unknown>[];
          ConsistentRead?: boolean;
          ProjectionExpression?: string;
          ExpressionAttributeNames?: Record<string, string>;
        }
      >
    | undefined = Object.fromEntries(
    [...byTable].map(([table, unique]) => [
      table,
      {
        Keys: [...unique.values()],
        ConsistentRead: options.consistent === true,
        ...(names
          ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names }
          : {}),
      },
    ]),
  );
  while (request && Object.keys(request).length > 0) {
    const out = await dynamoClient().send(new BatchGetCommand({ RequestItems: request }));
    for (const [table, items] of Object.entries(out.Responses ?? {}))
      for (const item of items) found.set(id(table, item as { pk: string; sk: string }), stripKeys(item));
    request = out.UnprocessedKeys as typeof request;
  }
  return (keyList as ItemKey[]).map((k) => found.get(id(k.table ?? main, k)) ?? null) as {
    [K in keyof T]: T[K] | null;
  };
}
