import { createHash } from 'node:crypto';
import { ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { brusselsDate } from '#kernel/time';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { refusedByCondition } from '#platform/table/items';
import { CARRIED_PREFIXES, hasPrefix } from '#platform/table/keys';
import { scanPages } from '#platform/table/scan-pages';
import { tableNameFor } from '#platform/table/table';
import { currentSchoolYear } from '#school-year/calendar';
import { followingYear } from '#school-year/next-year';
import { ensureSeeded } from '#school-year/store';
import { getYear, hasRegistry, updateYear } from '#school-year/years-store';

/**
 * What outlives a school year is carried into the next one's table: the organisations that take
 * part (all active ones unless the admin left some out), their people and the logins' identities
 * and memberships, the address claims, the schools' supervisors and the services' contact persons,
 * and the suppression list (an address that bounced last year would bounce again).
 * Students, requests, decisions, hours, mailings and exports stay in their year. The user pool is
 * shared, so a person logs in to the new year with last year's e-mail and password.
 *
 * It runs whenever the new year opens (its deploy, a local start) and again at the switch, and is
 * idempotent: an item missing in the new year is copied; a copy nobody changed in the new year
 * follows the old year's changes made since; a copy the new year changed is left alone (the new
 * year owns it from then on). Each copy carries the hash of what was copied, which is how "nobody
 * changed it" is told without any store of the new year having to know about the carry-over.
 */

type Item = Record<string, unknown> & { pk: string; sk: string };

export interface CarryOverReport {
  from: string;
  to: string;
  /** Items new in this year. */
  copied: number;
  /** Untouched copies brought up to date with last year. */
  updated: number;
  /** Copies the new year changed (left alone) or equal to last year's. */
  kept: number;
  /** Items of organisations that do not take part. */
  left: number;
}

const MARKER = 'carriedOver';
type Marker = { from: string; hash: string };

const kindOf = (item: Item): keyof typeof CARRIED_PREFIXES | null => {
  for (const [kind, prefix] of Object.entries(CARRIED_PREFIXES)) {
    if (hasPrefix(item, prefix)) return kind as keyof typeof CARRIED_PREFIXES;
  }
  return null;
};

/** A stable fingerprint of an item's content: sorted keys, sets as sorted lists. */
function hashOf(item: Record<string, unknown>): string {
  const normal = (value: unknown): unknown => {
    if (value instanceof Set) return [...value].map(String).sort();
    if (Array.isArray(value)) return value.map(normal);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value as object)
          .filter((k) => k !== MARKER)
          .sort()
          .map((k) => [k, normal((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(normal(item)))
    .digest('base64url');
}

/**
 * What a carried item looks like in the new year. Links to last year's students are not carried
 * (a supervisor or contact person starts with none), except a dual learner whose training contract
 * runs on: their mentor's slot stays taken until the contract's recorded end date.
 */
function carried(kind: keyof typeof CARRIED_PREFIXES, item: Item, today: string): Item {
  const { [MARKER]: _m, ...copy } = item;
  if (kind === 'supervisor') return { ...copy, studentCount: 0 };
  if (kind === 'contact') {
    const learners = Object.fromEntries(
      Object.entries((item.learners ?? {}) as Record<string, string | null>).filter(
        ([, end]) => end !== null && end >= today,
      ),
    );
    return { ...copy, acceptanceCount: 0, learners };
  }
  return copy as Item;
}

async function readLastYear(client: DynamoDBDocumentClient, table: string): Promise<Item[] | null> {
  const prefixes = [...new Set(Object.values(CARRIED_PREFIXES).map((p) => p.pk))];
  const items: Item[] = [];
  try {
    for await (const page of scanPages<Item>(client, {
      TableName: table,
      FilterExpression: prefixes.map((_, i) => `begins_with(pk, :p${i})`).join(' OR '),
      ExpressionAttributeValues: Object.fromEntries(prefixes.map((p, i) => [`:p${i}`, p])),
      ConsistentRead: true,
    })) {
      for (const item of page) if (kindOf(item)) items.push(item);
    }
  } catch (error) {
    // The first school year has no year before it.
    if (error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException') {
      return null;
    }
    throw error;
  }
  return items;
}

/** Which items take part: organisations that do, and what belongs to them and to their people. */
function selection(items: Item[], excluded: ReadonlySet<string>) {
  const orgs = new Set(
    items
      .filter((i) => kindOf(i) === 'organisation')
      .filter((i) => i.type === 'admin' || (i.active === true && !excluded.has(String(i.id))))
      .map((i) => String(i.id)),
  );
  const people = new Set(
    items
      .filter((i) => kindOf(i) === 'person' && orgs.has(String(i.organisationId)))
      .map((i) => String(i.id)),
  );
  const takesPart = (item: Item): boolean => {
    switch (kindOf(item)) {
      case 'organisation':
        return orgs.has(String(item.id));
      case 'person':
      case 'supervisor':
      case 'contact':
        return orgs.has(item.pk.slice(CARRIED_PREFIXES.person.pk.length));
      case 'email':
        return people.has(String(item.personId));
      case 'identity':
        return people.has(String(item.userId)) && orgs.has(String(item.organisationId));
      case 'membership':
        return people.has(String(item.personId)) && orgs.has(String(item.organisationId));
      case 'suppressed':
        return true;
      default:
        return false;
    }
  };
  return takesPart;
}

async function readTargets(client: DynamoDBDocumentClient, table: string, items: Item[]) {
  const found = new Map<string, Item>();
  for (let i = 0; i < items.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [table]: { Keys: items.slice(i, i + 100).map(({ pk, sk }) => ({ pk, sk })), ConsistentRead: true },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await client.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of (out.Responses?.[table] ?? []) as Item[]) found.set(`${item.pk}|${item.sk}`, item);
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/**
 * Carries last year's lasting items into the served year's table (see above). Null for the first
 * year (no table before it). The served year's calendar is seeded first, from the calendar the
 * admin prepared for it.
 */
export async function carryOver(now: Date, client = dynamoClient()): Promise<CarryOverReport | null> {
  const to = currentSchoolYear();
  const from = followingYear(to, -1);
  const target = settings.tableName();
  await ensureSeeded();
  const entry = hasRegistry() ? await getYear(to) : null;
  const lastYear = await readLastYear(client, tableNameFor(from));
  if (!lastYear) return null;
  const takesPart = selection(lastYear, new Set(entry?.excludedOrganisations ?? []));
  const today = brusselsDate(now);
  const report: CarryOverReport = { from, to, copied: 0, updated: 0, kept: 0, left: 0 };
  const chosen = lastYear.filter((item) => {
    if (takesPart(item)) return true;
    report.left++;
    return false;
  });
  const existing = await readTargets(client, target, chosen);
  for (const item of chosen) {
    const copy = carried(kindOf(item)!, item, today);
    const hash = hashOf(copy);
    const there = existing.get(`${item.pk}|${item.sk}`);
    const marker = there?.[MARKER] as Marker | undefined;
    if (there && (!marker || hashOf(there) !== marker.hash || marker.hash === hash)) {
      report.kept++;
      continue;
    }
    try {
      await client.send(
        new PutCommand({
          TableName: target,
          Item: { ...copy, [MARKER]: { from, hash } satisfies Marker },
          // Copy what is missing, or replace a copy only if it is still exactly as copied.
          ...(there
            ? {
                ConditionExpression: '#m.#h = :old',
                ExpressionAttributeNames: { '#m': MARKER, '#h': 'hash' },
                ExpressionAttributeValues: { ':old': marker!.hash },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
      if (there) report.updated++;
      else report.copied++;
    } catch (error) {
      // The new year wrote it in between: it owns the item now.
      if (!refusedByCondition(error)) throw error;
      report.kept++;
    }
  }
  if (entry) await updateYear(to, { carriedOverAt: now.toISOString() }, { version: null });
  return report;
}
