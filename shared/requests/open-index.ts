import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { invalidCursor } from '#platform/table/cursor';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { totalOf as countOf, familyFor, type OpenCountFamily } from '#statistics/open-counts';
import { readOpenCounts, type StoredOpenCount } from '#statistics/open-counts-store';
import type { StoredStudent } from '#students/rules';
import type { OpenQuery } from './visibility';

/** What a list row needs; the rest of the item (remarks, personal data) stays in the table. */
export const LIST_FIELDS = [
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
  'programme',
  'firstPeriodStart',
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
  | 'programme'
> & { firstPeriodStart?: string };

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
  if (q.programmes?.length) {
    names['#prog'] = 'programme';
    filters.push(`#prog IN (${q.programmes.map((_, i) => `:prog${i}`).join(', ')})`);
    q.programmes.forEach((p, i) => {
      values[`:prog${i}`] = p;
    });
  }
  if (q.firstPeriod) {
    names['#pstart'] = 'firstPeriodStart';
    filters.push('#pstart BETWEEN :fpFrom AND :fpTo');
    values[':fpFrom'] = q.firstPeriod.from;
    values[':fpTo'] = q.firstPeriod.to;
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
 * transport, programme and first period in the filter. No scan, whatever the filters.
 */
export function openStudents(q: OpenQuery): Promise<OpenStudent[]> {
  return queryAll<OpenStudent>(queryInput(q, true));
}

/**
 * The list's totals, one per query, from the counts kept in the writes (`#statistics/open-counts`):
 * one small read per family of rows the queries need (usually one), whatever the year's size.
 * `range` is how many students the query's key condition covers before its filter (where the
 * counts tell), which sizes the first read of a page. Null when the counts cannot answer a query
 * (a segment condition of another track): the caller counts by reading then.
 */
export async function openTotals(
  queries: readonly OpenQuery[],
): Promise<{ perQuery: number[]; range: (number | undefined)[] } | null> {
  const families = queries.map((q) => familyFor(q));
  if (families.some((f) => f === null)) return null;
  const prefixOf = (q: OpenQuery, family: OpenCountFamily) => {
    const rows = keys.openCountRow;
    if (family === 'preferring') return rows.preferringPrefix(q.preferredServiceId ?? '');
    if (family === 'byPostcode') return rows.byPostcodePrefix(q.postcodePrefix ?? '');
    return family === 'byTransport' ? rows.byTransportPrefix : rows.everyonePrefix;
  };
  const reads = new Map<string, Promise<StoredOpenCount[]>>();
  const rowsOf = queries.map((q, i) => {
    const prefix = prefixOf(q, families[i]!);
    const id = `${q.track}|${prefix}`;
    if (!reads.has(id)) reads.set(id, readOpenCounts(q.track, prefix));
    return reads.get(id)!;
  });
  const rows = await Promise.all(rowsOf);
  return {
    perQuery: queries.map((q, i) => countOf(rows[i]!, q)),
    range: queries.map((q, i) =>
      families[i] === 'preferring'
        ? undefined
        : rows[i]!.reduce(
            (sum, r) =>
              r.row.province === q.province &&
              (!q.postcodePrefix || r.row.postcode?.startsWith(q.postcodePrefix))
                ? sum + r.n
                : sum,
            0,
          ),
    ),
  };
}

/** How many match, by reading them (without moving the items): where the counts cannot answer. */
export async function countByReading(q: OpenQuery): Promise<number> {
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

export type IndexKey = Record<string, unknown>;

/**
 * Up to `limit` students in index order (postcode, then name), starting after `after`, with the
 * index key of each, so that the next page can start after any of them. Reads about one page, not
 * the partition: one more item than asked tells whether more follow, and when the filters dropped
 * items the next read asks for proportionally more.
 */
export async function openStudentsPage(
  q: OpenQuery,
  limit: number,
  after?: IndexKey,
  /** The share of the key range the filter lets through, when the counts tell. */
  expected?: number,
): Promise<{ items: OpenStudent[]; keys: IndexKey[]; last?: IndexKey; exhausted: boolean }> {
  const items: OpenStudent[] = [];
  const itemKeys: IndexKey[] = [];
  let ExclusiveStartKey = after;
  let scanned = 0;
  for (;;) {
    const wanted = limit + 1 - items.length;
    // A tenth more than the estimate: a second read costs more than a few items too many.
    const passing = scanned === 0 ? Math.min(1, (expected ?? 1) / 1.1) : Math.max(items.length, 1) / scanned;
    const page = await dynamoClient()
      .send(
        new QueryCommand({
          ...queryInput(q, true),
          ExclusiveStartKey,
          Limit: Math.min(1000, Math.ceil(wanted / passing)),
        }),
      )
      .catch((error: Error) => {
        // A start key DynamoDB will not take can only have come from a cursor: the client's mistake.
        if (after && error.name === 'ValidationException') throw invalidCursor();
        throw error;
      });
    scanned += page.ScannedCount ?? page.Items?.length ?? 0;
    for (const item of page.Items ?? []) {
      if (items.length === limit) return { items, keys: itemKeys, last: itemKeys.at(-1), exhausted: false };
      items.push(stripKeys(item) as unknown as OpenStudent);
      itemKeys.push({ pk: item.pk, sk: item.sk, gsi2pk: item.gsi2pk, gsi2sk: item.gsi2sk });
    }
    if (!page.LastEvaluatedKey)
      return { items, keys: itemKeys, last: itemKeys.at(-1) ?? after, exhausted: true };
    ExclusiveStartKey = page.LastEvaluatedKey;
  }
}
