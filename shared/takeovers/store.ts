import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Takeover } from '#contract/takeovers';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { batchGet } from '#platform/table/batch-get';
import { getItem, putAllIfAbsent, refusedByCondition } from '#platform/table/items';
import { keys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';

const table = () => settings.tableName();

/** As stored: the requester's address is kept for the answer mail and never shown. */
export interface StoredTakeover extends Takeover {
  requesterEmail: string;
}

export class TakeoverExists extends Error {}
export class TakeoverMoved extends Error {}

export async function createTakeover(t: StoredTakeover): Promise<void> {
  const written = await putAllIfAbsent([
    { ...keys.takeoverClaim(t.requesterId, t.serviceId), takeoverId: t.id },
    {
      ...keys.takeover(t.id),
      ...keys.takeoverByService(t.serviceId, t.requestedAt, t.id),
      ...keys.openTakeover(t.deadline, t.id),
      ...t,
    },
  ]);
  if (!written) throw new TakeoverExists();
}

export const getTakeover = (id: string) => getItem<StoredTakeover>(keys.takeover(id));

export function takeoversOfService(serviceId: string): Promise<StoredTakeover[]> {
  return queryAll<StoredTakeover>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.takeoverByServicePartition(serviceId) },
    ScanIndexForward: false,
  });
}

export async function openTakeoversOf(personId: string): Promise<StoredTakeover[]> {
  const claims = await queryAll<{ takeoverId: string }>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.takeoverClaimPartition(personId) },
    ConsistentRead: true,
  });
  return batchGet<StoredTakeover>(claims.map((c) => keys.takeover(c.takeoverId)));
}

/** Open takeovers whose deadline passed before `now`, not yet handed to the admin. */
export function overdueTakeovers(now: string): Promise<StoredTakeover[]> {
  return queryAll<StoredTakeover>({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :now',
    ExpressionAttributeValues: { ':pk': keys.openTakeoverPartition, ':now': now },
  });
}

export function escalatedTakeovers(): Promise<StoredTakeover[]> {
  return queryAll<StoredTakeover>({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.escalatedTakeoverPartition },
  });
}

/** Hands an overdue takeover to the admin; true only for the one run that did it. */
export async function escalate(t: StoredTakeover, at: string): Promise<boolean> {
  const index = keys.escalatedTakeover(at, t.id);
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.takeover(t.id),
        UpdateExpression: 'SET escalatedAt = :at, gsi2pk = :pk, gsi2sk = :sk',
        ConditionExpression: '#status = :pending AND attribute_not_exists(escalatedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':at': at,
          ':pk': index.gsi2pk,
          ':sk': index.gsi2sk,
          ':pending': 'pending',
        },
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}

/** Undoes an escalation whose mail could not be sent, so that the next run tries again. */
export async function unescalate(t: StoredTakeover): Promise<void> {
  const index = keys.openTakeover(t.deadline, t.id);
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.takeover(t.id),
      UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk REMOVE escalatedAt',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': index.gsi2pk, ':sk': index.gsi2sk, ':pending': 'pending' },
    }),
  );
}

/**
 * Records the answer. Managers answer only while the request is not escalated, the admin only once
 * it is; of two answers at the same moment, one gets TakeoverMoved.
 */
export async function decideTakeover(
  t: StoredTakeover,
  status: 'approved' | 'rejected',
  by: 'managers' | 'admin',
  at: string,
): Promise<void> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.takeover(t.id),
              UpdateExpression:
                'SET #status = :status, decidedAt = :at, decidedBy = :by REMOVE gsi2pk, gsi2sk',
              ConditionExpression: `#status = :pending AND ${by === 'admin' ? 'attribute_exists' : 'attribute_not_exists'}(escalatedAt)`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':status': status, ':at': at, ':by': by, ':pending': 'pending' },
            },
          },
          { Delete: { TableName: table(), Key: keys.takeoverClaim(t.requesterId, t.serviceId) } },
        ],
      }),
    );
  } catch (error) {
    if (refusedByCondition(error)) throw new TakeoverMoved();
    throw error;
  }
}
