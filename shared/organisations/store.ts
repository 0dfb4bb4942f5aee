import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation, OrganisationChanges, OrganisationType } from '#contract/organisations';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { setExpression } from '#platform/table/set-expression';

const table = () => settings.tableName();

export async function putOrganisation(
  org: Organisation,
  options: { onlyIfNew?: boolean } = {},
): Promise<void> {
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

export async function updateOrganisation(
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

/**
 * Remembers when an organisation last logged in or decided, for the sector's "who needs a nudge".
 * A hint, not a record: written after the act, apart from its transaction, and never in the way.
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
