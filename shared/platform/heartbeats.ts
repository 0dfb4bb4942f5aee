import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from './aws-clients/dynamodb';
import { settings } from './config';
import { getItem } from './table/items';
import { keys } from './table/keys';

/** The heartbeats there are: the round mailings tick leaves one every run. */
export const MAILINGS_TICK = 'mailings-tick';

/** What the round mailings tick left behind: mails still waiting, and since when the oldest. */
export interface TickBacklog {
  outboxWaiting: number;
  outboxOldestAt: string | null;
}

export interface Heartbeat extends TickBacklog {
  lastAt: string;
}

/**
 * Notes that a scheduled job ran at this moment, with what it found (the same figures it counts
 * as metrics); a late retry never moves the moment back.
 */
export async function recordHeartbeat(name: string, at: Date, backlog: TickBacklog): Promise<void> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: settings.tableName(),
        Key: keys.heartbeat(name),
        UpdateExpression: 'SET lastAt = :at, outboxWaiting = :waiting, outboxOldestAt = :oldest',
        ConditionExpression: 'attribute_not_exists(lastAt) OR lastAt < :at',
        ExpressionAttributeValues: {
          ':at': at.toISOString(),
          ':waiting': backlog.outboxWaiting,
          ':oldest': backlog.outboxOldestAt,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/** When the job last ran and what it left, or null when it never did. */
export const lastHeartbeat = (name: string) => getItem<Heartbeat>(keys.heartbeat(name));
