import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MailEventKind } from '#contract/bounce-labels';
import type { MailEventView } from '#contract/bounces';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { putIfAbsent } from '#platform/table/items';
import { keys, stripKeys } from '#platform/table/keys';
import type { RecipientEvent } from './ses-event';

/** A recorded SES event for one address, with the owner the product found for it then. */
export interface StoredMailEvent extends RecipientEvent {
  owner: MailEventView['owner'];
  recordedAt: string;
}

/** Records the event once: SNS delivers at least once, so the same notification may come twice. */
export const putMailEvent = (e: StoredMailEvent) =>
  putIfAbsent({
    ...keys.mailEvent(e.messageId, e.email, e.kind, e.at),
    ...keys.mailEventIndex(e.at, e.kind, e.email),
    ...e,
  });

/** The newest events, newest first (the admin's list). */
export async function recentMailEvents(limit = 200): Promise<StoredMailEvent[]> {
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: settings.tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.mailEventsPartition },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (page.Items ?? []).map((i) => stripKeys(i) as unknown as StoredMailEvent);
}

/** How many events of each kind happened since the moment given (the health panel's 24 hours). */
export async function mailEventCountsSince(since: string): Promise<Record<MailEventKind, number>> {
  const counts: Record<MailEventKind, number> = { bounce: 0, complaint: 0, delay: 0, reject: 0 };
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: settings.tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :since',
        ExpressionAttributeValues: { ':pk': keys.mailEventsPartition, ':since': since },
        ProjectionExpression: 'kind',
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const kind = item.kind as MailEventKind;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return counts;
}
