import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Track } from '#contract/organisations';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import type { Phase } from './visibility';

/** A track's phase; a track nobody opened yet is closed. */
export async function getPhase(track: Track): Promise<Phase> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: settings.tableName(), Key: keys.trackPhase(track), ConsistentRead: true }),
  );
  return (Item?.phase as Phase | undefined) ?? 'closed';
}

export async function setPhase(track: Track, phase: Phase, by: string, at: string): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: settings.tableName(),
      Item: { ...keys.trackPhase(track), phase, updatedBy: by, updatedAt: at },
    }),
  );
}
