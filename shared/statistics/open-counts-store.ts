import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TRACKS, type Track } from '#contract/organisations';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import type { TransactItems } from '#platform/table/transact';
import {
  OPEN_COUNT_SHARDS,
  type OpenCountDelta,
  type OpenCountFamily,
  type OpenCountRow,
  rowId,
} from './open-counts';

const rowKey = (r: OpenCountRow) => {
  const k = keys.openCountRow;
  switch (r.family) {
    case 'everyone':
      return k.everyone(r.province, r.seg, r.vis);
    case 'byTransport':
      return k.byTransport(r.province, r.seg, r.vis, r.mask ?? '00');
    case 'byPostcode':
      return k.byPostcode(r.postcode ?? '', r.province, r.seg, r.vis, r.mask ?? '00');
    case 'preferring':
      return k.preferring(r.serviceId ?? '', r.province, r.seg, r.vis, r.postcode ?? '', r.mask ?? '00');
  }
};

/** Only the rows every acceptance of a province moves are split over shards; the rest spread by key. */
const shardOf = (r: OpenCountRow) =>
  r.family === 'everyone' ? Math.floor(Math.random() * OPEN_COUNT_SHARDS) : undefined;

/** The row's values beside its count, so a reader never parses keys. */
const attributesOf = (r: OpenCountRow) => ({
  family: r.family,
  province: r.province,
  seg: r.seg,
  vis: r.vis,
  ...(r.postcode !== undefined ? { postcode: r.postcode } : {}),
  ...(r.mask !== undefined ? { mask: r.mask } : {}),
  ...(r.serviceId !== undefined ? { serviceId: r.serviceId } : {}),
});

/** The transaction items that apply these deltas: one ADD per row (on a random shard where split). */
export function openCountUpdates(deltas: OpenCountDelta[]): TransactItems {
  return deltas.map((d) => {
    const attributes = attributesOf(d.row);
    const names = Object.keys(attributes);
    return {
      Update: {
        TableName: settings.tableName(),
        Key: keys.openCount(d.track, rowKey(d.row), shardOf(d.row)),
        // `v` counts the writes, so a rebuild can tell that nothing moved while it read the students.
        UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')} ADD #n :d, #v :one`,
        ExpressionAttributeNames: {
          '#n': 'n',
          '#v': 'v',
          ...Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
        },
        ExpressionAttributeValues: {
          ':d': d.delta,
          ':one': 1,
          ...Object.fromEntries(names.map((n, i) => [`:a${i}`, (attributes as Record<string, string>)[n]])),
        },
      },
    };
  });
}

export interface StoredOpenCount {
  row: OpenCountRow;
  n: number;
}

const rowOf = (item: Record<string, unknown>): StoredOpenCount => ({
  row: {
    family: item.family as OpenCountFamily,
    province: String(item.province),
    seg: String(item.seg),
    vis: String(item.vis),
    ...(item.postcode !== undefined ? { postcode: String(item.postcode) } : {}),
    ...(item.mask !== undefined ? { mask: String(item.mask) } : {}),
    ...(item.serviceId !== undefined ? { serviceId: String(item.serviceId) } : {}),
  },
  n: Number(item.n ?? 0),
});

const FIELDS = ['family', 'province', 'seg', 'vis', 'postcode', 'mask', 'serviceId', 'n'];

/**
 * The rows of a track under one key prefix (a family, narrowed where its key allows): one query of
 * small items, whose number depends on the provinces, segments, postcodes and transport sets in
 * use, not on how many students there are.
 */
export async function readOpenCounts(track: Track, prefix: string): Promise<StoredOpenCount[]> {
  const rows: StoredOpenCount[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: settings.tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.openCountPartition(track), ':prefix': prefix },
        ProjectionExpression: FIELDS.map((_, i) => `#f${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(FIELDS.map((f, i) => [`#f${i}`, f])),
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) rows.push(rowOf(item));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return rows;
}

/** Every stored row of every track, keyed by item, with its count and how often it was written. */
async function readAll(client: DynamoDBDocumentClient, tableName: string) {
  const items = new Map<
    string,
    { key: { pk: string; sk: string }; n: number; v: number; track: Track; row: OpenCountRow }
  >();
  for (const track of TRACKS) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.openCountPartition(track) },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const { row, n } = rowOf(item);
        items.set(`${item.pk}|${item.sk}`, {
          key: { pk: String(item.pk), sk: String(item.sk) },
          n,
          v: Number(item.v ?? 0),
          track,
          row,
        });
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return items;
}

const unchanged = (a: Map<string, { n: number; v: number }>, b: Map<string, { n: number; v: number }>) =>
  a.size === b.size && [...a].every(([k, x]) => b.get(k)?.n === x.n && b.get(k)?.v === x.v);

export class OpenCountsBusy extends Error {}

/**
 * Sets every open count to what the students say (`fresh`: `openCountDeltas(null, student)` for
 * each, as `students()` reads them): the admin's recount and the migration. Race-free beside the
 * writes that keep the counts: it reads the counts, the students, and the counts again, and goes on
 * only when no count was written in between (each write raises `v`); it then ADDs the difference,
 * which commutes with any write after that. Tries again while writes keep coming, then gives up.
 */
export async function rebuildOpenCounts(
  students: () => Promise<OpenCountDelta[]>,
  client: DynamoDBDocumentClient = dynamoClient(),
  tableName: string = settings.tableName(),
): Promise<{ rows: number; changed: number }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const before = await readAll(client, tableName);
    const fresh = await students();
    const after = await readAll(client, tableName);
    if (!unchanged(before, after)) {
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      continue;
    }
    const target = new Map<string, OpenCountDelta>();
    for (const d of fresh) {
      const id = `${d.track}|${rowId(d.row)}`;
      const current = target.get(id) ?? { ...d, delta: 0 };
      current.delta += d.delta;
      target.set(id, current);
    }
    const stored = new Map<string, OpenCountDelta>();
    for (const item of after.values()) {
      const id = `${item.track}|${rowId(item.row)}`;
      const current = stored.get(id) ?? { track: item.track, row: item.row, delta: 0 };
      current.delta += item.n;
      stored.set(id, current);
    }
    const corrections: OpenCountDelta[] = [];
    for (const id of new Set([...target.keys(), ...stored.keys()])) {
      const want = target.get(id)?.delta ?? 0;
      const have = stored.get(id)?.delta ?? 0;
      const base = target.get(id) ?? stored.get(id)!;
      if (want !== have) corrections.push({ track: base.track, row: base.row, delta: want - have });
    }
    // One update per row (split rows on any shard: readers add the shards up), a few at a time.
    const updates = openCountUpdates(corrections).map((t) => ({ ...t.Update!, TableName: tableName }));
    for (let i = 0; i < updates.length; i += 16) {
      await Promise.all(updates.slice(i, i + 16).map((u) => client.send(new UpdateCommand(u as never))));
    }
    return { rows: target.size, changed: corrections.length };
  }
  throw new OpenCountsBusy('The open counts kept changing while they were rebuilt; try again.');
}
