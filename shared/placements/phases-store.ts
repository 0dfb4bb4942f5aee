import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Track } from '#contract/organisations';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import type { Phase } from './visibility';

/** A track's phase; a track nobody opened yet is closed. */
export async function getPhase(track: Track): Promise<Phase> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: settings.tableName(), Key: phaseKey(track), ConsistentRead: true }),
  );
  return phaseOfItem(Item);
}

/** For reading the phase along with other items in one batch: its key, and the phase of the item. */
export const phaseKey = (track: Track) => keys.trackPhase(track);
export const phaseOfItem = (item: Record<string, unknown> | null | undefined): Phase =>
  (item?.phase as Phase | undefined) ?? 'closed';

export async function setPhase(track: Track, phase: Phase, by: string, at: string): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: settings.tableName(),
      Item: { ...keys.trackPhase(track), phase, updatedBy: by, updatedAt: at },
    }),
  );
}
