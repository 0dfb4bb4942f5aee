import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients';
import { settings } from '#platform/config';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import type { StoredStudent } from '#students/rules';
import { invalidCursor } from './cursor';
import type { OpenQuery } from './visibility';

/** What a list row needs; the rest of the item (remarks, personal data) stays in the table. */
const LIST_FIELDS = [
  'id',
  'track',
  'firstName',
  'lastName',
  'schoolId',
  'schoolName',
  'address',
  'province',
  'transport',
  'internship',
  'registeredAt',
  'visibleFrom',
  'preferredServiceId',
];

export type OpenStudent = Pick<
  StoredStudent,
  | 'id'
  | 'track'
  | 'firstName'
  | 'lastName'
  | 'schoolId'
  | 'schoolName'
  | 'address'
  | 'province'
  | 'transport'
  | 'internship'
  | 'registeredAt'
  | 'visibleFrom'
  | 'preferredServiceId'
>;

function queryInput(q: OpenQuery, projection: boolean) {
  const names: Record<string, string> = projection
    ? Object.fromEntries(LIST_FIELDS.map((f, i) => [`#f${i}`, f]))
    : {};
  names['#vf'] = 'visibleFrom';
  const filters = ['#vf <= :now'];
  const values: Record<string, unknown> = {
    ':pk': keys.openPartition(q.track, q.province),
    ':now': q.now.toISOString(),
  };
  if (q.postcodePrefix) values[':pc'] = q.postcodePrefix;
  if (q.preferredServiceId) {
    names['#pref'] = 'preferredServiceId';
    filters.push('#pref = :pref');
    values[':pref'] = q.preferredServiceId;
  }
  if (q.transport?.length) {
    names['#tr'] = 'transport';
    filters.push(`(${q.transport.map((_, i) => `contains(#tr, :t${i})`).join(' OR ')})`);
    q.transport.forEach((t, i) => {
      values[`:t${i}`] = t;
    });
  }
  return {
    TableName: settings.tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: q.postcodePrefix ? 'gsi2pk = :pk AND begins_with(gsi2sk, :pc)' : 'gsi2pk = :pk',
    FilterExpression: filters.join(' AND '),
    // The keys come along so that a page can end at any item and the next one start right after it.
    ...(projection
      ? {
          ProjectionExpression: [
            ...Object.keys(names).filter((n) => n.startsWith('#f')),
            'pk',
            'sk',
            'gsi2pk',
            'gsi2sk',
          ].join(', '),
        }
      : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * Students still without a place in one track and province, visible at `now`: a query on the open
 * index, narrowed by postcode (region) in the key condition and by blackout, preference and
 * transport in the filter. No scan, whatever the filters.
 */
export function openStudents(q: OpenQuery): Promise<OpenStudent[]> {
  return queryAll<OpenStudent>(queryInput(q, true));
}

/**
 * Totals may be a few seconds old: when a round opens, every service asks for the same count in
 * the same second, and one answer per container serves them all.
 */
const COUNT_TTL_MS = 5_000;
const counts = new Map<string, { at: number; value: Promise<number> }>();

export function countOpenStudents(q: OpenQuery): Promise<number> {
  const key = JSON.stringify({ ...q, now: undefined });
  const cached = counts.get(key);
  if (cached && Date.now() - cached.at < COUNT_TTL_MS) return cached.value;
  const value = countNow(q);
  counts.set(key, { at: Date.now(), value });
  value.catch(() => counts.delete(key));
  return value;
}

/** How many match, without moving the items themselves. */
async function countNow(q: OpenQuery): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({ ...queryInput(q, false), Select: 'COUNT', ExclusiveStartKey }),
    );
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

/**
 * Up to `limit` students in index order (postcode, then name), starting after `after`. Returns
 * where the page ended, so the next page starts there: reads about one page, not the partition.
 */
export async function openStudentsPage(
  q: OpenQuery,
  limit: number,
  after?: Record<string, unknown>,
): Promise<{ items: OpenStudent[]; last?: Record<string, unknown>; exhausted: boolean }> {
  const items: OpenStudent[] = [];
  let last: Record<string, unknown> | undefined = after;
  let ExclusiveStartKey = after;
  while (items.length < limit) {
    const page = await dynamoClient()
      .send(new QueryCommand({ ...queryInput(q, true), ExclusiveStartKey, Limit: Math.max(limit * 2, 100) }))
      .catch((error: Error) => {
        // A start key DynamoDB will not take can only have come from a cursor: the client's mistake.
        if (after && error.name === 'ValidationException') throw invalidCursor();
        throw error;
      });
    for (const item of page.Items ?? []) {
      if (items.length === limit) return { items, last, exhausted: false };
      items.push(stripKeys(item) as unknown as OpenStudent);
      last = { pk: item.pk, sk: item.sk, gsi2pk: item.gsi2pk, gsi2sk: item.gsi2sk };
    }
    if (!page.LastEvaluatedKey) return { items, last, exhausted: true };
    ExclusiveStartKey = page.LastEvaluatedKey;
  }
  return { items, last, exhausted: false };
}
