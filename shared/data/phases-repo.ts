import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws/clients';
import { settings } from '../config/env';
import type { Track } from '../domain/organisations';
import type { Phase } from '../domain/visibility';
import { keys } from './keys';

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
