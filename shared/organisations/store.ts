import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation, OrganisationChanges, OrganisationType } from '#contract/organisations';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { setExpression } from '#platform/table/set-expression';
import type { TransactItems } from '#platform/table/transact';

const table = () => settings.tableName();

/**
 * An organisation as the services' list reads it (its province decides the preferred round): this
 * container's read of the last `RECENT_MS`. An edit reaches other containers within that time;
 * writes through this module forget what this one holds (the local stack is one process). Whoever
 * decides anything (a decision, the detail) reads the organisation fresh.
 */
const RECENT_MS = 30_000;
const recent = new Map<string, { at: number; generation: number; org: Promise<Organisation | null> }>();
let generation = 0;

export function recentOrganisation(id: string, now = Date.now()): Promise<Organisation | null> {
  const hit = recent.get(id);
  if (hit && hit.generation === generation && now - hit.at < RECENT_MS) return hit.org;
  const org = getOrganisation(id);
  const entry = { at: now, generation, org };
  if (recent.size > 5_000) recent.clear();
  recent.set(id, entry);
  // Neither a failure nor an organisation not (yet) there is remembered.
  org.then(
    (found) => {
      if (!found && recent.get(id) === entry) recent.delete(id);
    },
    () => {
      if (recent.get(id) === entry) recent.delete(id);
    },
  );
  return org;
}

async function writing<T>(write: () => Promise<T>): Promise<T> {
  generation++;
  try {
    return await write();
  } finally {
    generation++;
  }
}

export const putOrganisation = (org: Organisation, options: { onlyIfNew?: boolean } = {}) =>
  writing(() => putOrganisationNow(org, options));

async function putOrganisationNow(org: Organisation, options: { onlyIfNew?: boolean }): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.organisation(org.id), ...keys.organisationIndex(org.type, org.name, org.id), ...org },
      ...(options.onlyIfNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
    }),
  );
}

export async function getOrganisation(id: string): Promise<Organisation | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.organisation(id), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as Organisation) : null;
}

/** All organisations of a type (or all), sorted by type and name: one query on the index. */
export function listOrganisations(type?: OrganisationType): Promise<Organisation[]> {
  return queryAll<Organisation>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: type ? 'gsi1pk = :pk AND begins_with(gsi1sk, :type)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: {
      ':pk': keys.organisationIndexPartition,
      ...(type ? { ':type': keys.organisationIndexPrefix(type) } : {}),
    },
  });
}

export const updateOrganisation = (current: Organisation, changes: OrganisationChanges, now: string) =>
  writing(() => updateOrganisationNow(current, changes, now));

async function updateOrganisationNow(
  current: Organisation,
  changes: OrganisationChanges,
  now: string,
): Promise<Organisation> {
  const next = { ...current, ...changes, updatedAt: now } as Organisation;
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.organisation(current.id),
      ConditionExpression: 'attribute_exists(pk)',
      ...setExpression({
        ...changes,
        updatedAt: now,
        ...keys.organisationIndex(next.type, next.name, next.id),
      }),
    }),
  );
  return next;
}

/** A hint at the scale of days: a service deciding all morning writes it about once an hour. */
const DECISION_HINT_EVERY_MS = 60 * 60 * 1000;

/**
 * A decision moment to remember on the service, as an item of the decision's own transaction (no
 * store call of its own on the 12:00 path); none when the service as read already has one from the
 * last hour. Once an hour two colleagues deciding in the same instant may collide on the service's
 * item, as acceptances already do on the shared counters: the transaction is tried again
 * (`#platform/table/transact`). Unconditional: the decision read the service just before.
 */
export function decisionMoment(
  service: Pick<Organisation, 'id'> & { lastDecisionAt?: string },
  at: string,
): TransactItems {
  const last = service.lastDecisionAt ? Date.parse(service.lastDecisionAt) : Number.NaN;
  if (Date.parse(at) - last < DECISION_HINT_EVERY_MS) return [];
  return [
    {
      Update: {
        TableName: table(),
        Key: keys.organisation(service.id),
        UpdateExpression: 'SET lastDecisionAt = :at',
        ExpressionAttributeValues: { ':at': at },
      },
    },
  ];
}

/**
 * Remembers when an organisation last logged in, for the sector's "who needs a nudge" (decisions
 * write theirs in their transaction, `decisionMoment`). A hint, not a record: written after the act,
 * apart from its transaction, and never in the way.
 */
export async function touchOrganisation(
  id: string,
  field: 'lastLoginAt' | 'lastDecisionAt',
  at: string,
): Promise<void> {
  await dynamoClient()
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.organisation(id),
        UpdateExpression: 'SET #f = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#f': field },
        ExpressionAttributeValues: { ':at': at },
      }),
    )
    .catch(() => {});
}
