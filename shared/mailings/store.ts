import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailingInput } from '#contract/mailings';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';

export interface StoredMailing {
  id: string;
  to: MailingInput['to'];
  subject: string;
  body: string;
  sentBy: string;
  sentAt: string;
  /** Set once the outbox holds every recipient's mail and the audit entry is written. */
  queuedAt?: string;
  recipients?: number;
}

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

/**
 * Records the mailing under its id, or returns the one recorded before under that id: a retry
 * after a crash, or a double click, continues the first send with the first text.
 */
export async function claimMailing(mailing: StoredMailing): Promise<StoredMailing> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: settings.tableName(),
        Item: { ...keys.mailing(mailing.id), ...mailing },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return mailing;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const { Item } = await dynamoClient().send(
      new GetCommand({
        TableName: settings.tableName(),
        Key: keys.mailing(mailing.id),
        ConsistentRead: true,
      }),
    );
    const { pk: _pk, sk: _sk, ...stored } = Item as Record<string, unknown>;
    return stored as unknown as StoredMailing;
  }
}

/** True only for the one call that marks the mailing queued (the audit entry is written once). */
export async function markQueued(id: string, recipients: number, at: string): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: settings.tableName(),
        Key: keys.mailing(id),
        UpdateExpression: 'SET queuedAt = :at, recipients = :n',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(queuedAt)',
        ExpressionAttributeValues: { ':at': at, ':n': recipients },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
