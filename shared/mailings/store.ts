import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MailingInput } from '#contract/mailings';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';

export interface StoredMailing {
  id: string;
  to: MailingInput['to'];
  subject: string;
  recipients: number;
  sentBy: string;
  sentAt: string;
}

/** Records the mailing under its id; false when that id was sent before (nothing more to do). */
export async function claimMailing(mailing: StoredMailing): Promise<boolean> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: settings.tableName(),
        Item: { ...keys.mailing(mailing.id), ...mailing },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
