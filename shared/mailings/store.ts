import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailingInput } from '#contract/mailings';
import type { Province } from '#contract/provinces';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { getItem, putIfAbsent, refusedByCondition } from '#platform/table/items';
import { keys } from '#platform/table/keys';

export interface StoredMailing {
  id: string;
  to: MailingInput['to'];
  subject: string;
  body: string;
  sentBy: string;
  sentAt: string;
  /** A regional team's mailing: only the services and schools of these provinces get it. */
  region?: Province[];
  /** Set once the outbox holds every recipient's mail and the audit entry is written. */
  queuedAt?: string;
  recipients?: number;
}

/**
 * Records the mailing under its id, or returns the one recorded before under that id: a retry
 * after a crash, or a double click, continues the first send with the first text.
 */
export async function claimMailing(mailing: StoredMailing): Promise<StoredMailing> {
  if (await putIfAbsent({ ...keys.mailing(mailing.id), ...mailing })) return mailing;
  const stored = await getItem<StoredMailing>(keys.mailing(mailing.id));
  if (!stored) throw new Error(`Mailing ${mailing.id} vanished after its claim`);
  return stored;
}

export const getMailing = (id: string) => getItem<StoredMailing>(keys.mailing(id));

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
    if (refusedByCondition(error)) return false;
    throw error;
  }
}
