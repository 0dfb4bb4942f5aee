import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#contract/audit';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, stripKeys } from '#platform/table/keys';

/**
 * One item per entry, partitioned by month so a period reads as a few queries, newest first. An
 * entry with the id of one already written is the same event retried: it is kept once.
 */
export const auditEntryPut = (entry: AuditEntry) => ({
  Put: {
    TableName: settings.tableName(),
    Item: { ...keys.audit(entry.at, entry.id), ...entry },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export async function putAuditEntry(entry: AuditEntry): Promise<void> {
  await dynamoClient()
    .send(
      new PutCommand({
        TableName: settings.tableName(),
        Item: { ...keys.audit(entry.at, entry.id), ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** Entries of one month between two instants, newest first, a page at a time. */
export async function auditPage(
  month: string,
  range: { from: string; to: string },
  limit: number,
  after?: Record<string, unknown>,
): Promise<{ items: AuditEntry[]; last?: Record<string, unknown> }> {
  const out = await dynamoClient().send(
    new QueryCommand({
      TableName: settings.tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.auditPartition(month),
        ':from': range.from,
        ':to': range.to,
      },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: after,
    }),
  );
  return {
    items: (out.Items ?? []).map((i) => stripKeys(i) as unknown as AuditEntry),
    last: out.LastEvaluatedKey,
  };
}
