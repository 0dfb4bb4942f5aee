import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Track } from '#contract/organisations';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { type CounterDelta, type CounterRow, FIGURES, type Figure, SHARDS } from './rules';

/** The transaction items that apply these deltas: one ADD per row, on a random shard of it. */
export function counterUpdates(track: Track, deltas: CounterDelta[]) {
  const byRow = new Map<string, CounterDelta[]>();
  for (const d of deltas) byRow.set(d.row, [...(byRow.get(d.row) ?? []), d]);
  return [...byRow.entries()].map(([row, ds]) => {
    const shard = Math.floor(Math.random() * SHARDS);
    return {
      Update: {
        TableName: settings.tableName(),
        Key: keys.counter(track, row, shard),
        UpdateExpression: `SET #row = :row ADD ${ds.map((_, i) => `#f${i} :d${i}`).join(', ')}`,
        ExpressionAttributeNames: {
          '#row': 'row',
          ...Object.fromEntries(ds.map((d, i) => [`#f${i}`, d.figure])),
        },
        ExpressionAttributeValues: {
          ':row': row,
          ...Object.fromEntries(ds.map((d, i) => [`:d${i}`, d.delta])),
        },
      },
    };
  });
}

/** Every counter row of a track, shards and all: one query, a few hundred small items at most. */
export async function readCounters(track: Track): Promise<CounterRow[]> {
  const items = await queryAll<Record<string, unknown>>({
    TableName: settings.tableName(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.counterPartition(track) },
  });
  return items.map((item) => ({
    row: String(item.row),
    figures: Object.fromEntries(
      FIGURES.filter((f) => typeof item[f] === 'number').map((f) => [f, item[f] as number]),
    ) as Partial<Record<Figure, number>>,
  }));
}

/** Replaces a track's counters with figures counted afresh (the admin's "recount"). */
export async function replaceCounters(track: Track, rows: CounterRow[]): Promise<void> {
  const existing = await queryAll<{ pk: string; sk: string }>(
    {
      TableName: settings.tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.counterPartition(track) },
      ProjectionExpression: 'pk, sk',
    },
    { keepKeys: true },
  );
  const writes = [
    ...existing.map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } })),
    ...rows.map((r) => ({
      PutRequest: { Item: { ...keys.counter(track, r.row, 0), row: r.row, ...r.figures } },
    })),
  ];
  // Deletes first, then puts of shard 0: a batch may not hold two writes to one key.
  const deletes = writes.filter((w) => 'DeleteRequest' in w);
  const puts = writes.filter((w) => 'PutRequest' in w);
  for (const group of [deletes, puts]) {
    for (let i = 0; i < group.length; i += 25) {
      let pending: unknown[] | undefined = group.slice(i, i + 25);
      while (pending && pending.length > 0) {
        const out: BatchWriteCommandOutput = await dynamoClient().send(
          new BatchWriteCommand({ RequestItems: { [settings.tableName()]: pending as never } }),
        );
        pending = out.UnprocessedItems?.[settings.tableName()];
      }
    }
  }
}
