import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Registration, RegistrationStatus } from '#contract/registrations';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { getItem, putAllIfAbsent } from '#platform/table/items';
import { keys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { setExpression } from '#platform/table/set-expression';

const table = () => settings.tableName();

export class RegistrationEmailTaken extends Error {}
export class NotPending extends Error {}

/** The registration and the claim on its manager's address in one write: one registration per address. */
export async function createRegistration(registration: Registration): Promise<void> {
  const written = await putAllIfAbsent([
    { ...keys.registrationEmail(registration.manager.email), registrationId: registration.id },
    {
      ...keys.registration(registration.id),
      ...keys.registrationIndex(registration.submittedAt, registration.id),
      ...keys.pendingRegistration(registration.submittedAt, registration.id),
      ...registration,
    },
  ]);
  if (!written) throw new RegistrationEmailTaken();
}

export const getRegistration = (id: string) => getItem<Registration>(keys.registration(id));

export async function listRegistrations(status?: RegistrationStatus): Promise<Registration[]> {
  const all = await queryAll<Registration>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.registrationIndexPartition },
    ScanIndexForward: false,
  });
  return status ? all.filter((r) => r.status === status) : all;
}

/** Pending registrations submitted before the moment given, oldest first. */
export function pendingSince(before: string): Promise<Registration[]> {
  return queryAll<Registration>({
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
    ExpressionAttributeValues: { ':pk': keys.pendingRegistrationPartition, ':before': before },
  });
}

/**
 * Moves a pending registration to its decision; of two admins deciding at once, one gets
 * NotPending. A rejection frees the address for a new registration.
 */
export async function decideRegistration(
  registration: Registration,
  status: Exclude<RegistrationStatus, 'pending'>,
  fields: Partial<Registration>,
): Promise<void> {
  const set = setExpression({ ...fields, status });
  const update = {
    TableName: table(),
    Key: keys.registration(registration.id),
    UpdateExpression: `${set.UpdateExpression} REMOVE gsi2pk, gsi2sk`,
    ConditionExpression: '#status = :pending',
    ExpressionAttributeNames: { ...set.ExpressionAttributeNames, '#status': 'status' },
    ExpressionAttributeValues: { ...set.ExpressionAttributeValues, ':pending': 'pending' },
  };
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: update },
          ...(status === 'rejected'
            ? [{ Delete: { TableName: table(), Key: keys.registrationEmail(registration.manager.email) } }]
            : []),
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new NotPending();
    throw error;
  }
}

/** Puts a registration back to pending when the work after the approval failed. */
export async function reopenRegistration(registration: Registration): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.registration(registration.id),
      UpdateExpression: 'SET #status = :pending, gsi2pk = :g2pk, gsi2sk = :g2sk REMOVE decidedAt, decidedBy',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pending': 'pending',
        ':g2pk': keys.pendingRegistration(registration.submittedAt, registration.id).gsi2pk,
        ':g2sk': keys.pendingRegistration(registration.submittedAt, registration.id).gsi2sk,
      },
    }),
  );
}

/** Claims the one reminder of a registration; false when it was claimed before or it is decided. */
export async function claimReminder(id: string, at: string): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.registration(id),
        UpdateExpression: 'SET remindedAt = :at',
        ConditionExpression: '#status = :pending AND attribute_not_exists(remindedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':at': at, ':pending': 'pending' },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function releaseReminder(id: string): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.registration(id),
      UpdateExpression: 'REMOVE remindedAt',
    }),
  );
}
