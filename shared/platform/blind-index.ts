import { createHmac } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from './aws-clients/dynamodb';
import { settings } from './config';
import { type KeyProvider, personalDataKeys } from './crypto';
import { keys } from './table/keys';

/**
 * A keyed hash of personal data (HMAC-SHA256), to find equal values without storing them: the
 * national register number is sealed with a fresh key per value, so it cannot be compared, and a
 * plain hash of 11 digits would be brute-forced in minutes. The HMAC key is made once per school
 * year's table, stored sealed by the personal-data key (KMS in AWS), and opened once per container.
 */
let opened: Promise<Buffer> | undefined;

async function loadKey(provider: KeyProvider): Promise<Buffer> {
  const db = dynamoClient();
  const TableName = settings.tableName();
  const Key = keys.secret('blind-index');
  const read = async () =>
    (await db.send(new GetCommand({ TableName, Key, ConsistentRead: true }))).Item?.sealed as
      | string
      | undefined;
  let sealed = await read();
  if (!sealed) {
    const fresh = await provider.newDataKey();
    try {
      await db.send(
        new PutCommand({
          TableName,
          Item: { ...Key, sealed: fresh.sealed.toString('base64'), provider: provider.name },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return fresh.plaintext;
    } catch (error) {
      // Another container made the key first: use theirs.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      sealed = await read();
      if (!sealed) throw error;
    }
  }
  return provider.openDataKey(Buffer.from(sealed, 'base64'));
}

export async function blindIndex(purpose: string, value: string): Promise<string> {
  opened ??= loadKey(personalDataKeys()).catch((error) => {
    opened = undefined;
    throw error;
  });
  return createHmac('sha256', await opened)
    .update(`${purpose}\u0000${value}`)
    .digest('base64url');
}
