import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { scanPages } from '#platform/table/scan-pages';
import type { CountableStudent } from './counted';
import { type OpenCountDelta, openCountDeltas, openCountedOf } from './open-counts';
import { rebuildOpenCounts } from './open-counts-store';

const DONE = 'migration-open-counts';

/** What every stored student adds to the open counts: one strongly consistent scan of the students. */
async function countedStudents(client: DynamoDBDocumentClient, tableName: string) {
  const deltas: OpenCountDelta[] = [];
  for await (const items of scanPages<CountableStudent>(client, {
    TableName: tableName,
    FilterExpression: 'sk = :sk',
    ExpressionAttributeValues: { ':sk': keys.studentSortKey },
    ConsistentRead: true,
  })) {
    for (const s of items) deltas.push(...openCountDeltas(null, openCountedOf(s)));
  }
  return deltas;
}

/** Sets the open counts to what the students say (the admin's recount; see `rebuildOpenCounts`). */
export const recountOpenCounts = (
  client: DynamoDBDocumentClient = dynamoClient(),
  tableName: string = settings.tableName(),
) => rebuildOpenCounts(() => countedStudents(client, tableName), client, tableName);

/**
 * Builds the list totals (`./open-counts`) for students stored before they existed. Once done it
 * leaves a marker, so a second run (every local start, a later deploy) does nothing; the counts are
 * kept in the writes after that, and the admin's recount sets them right when data was written
 * around them.
 */
export async function migrateOpenCounts(
  client: DynamoDBDocumentClient = dynamoClient(),
  tableName: string = settings.tableName(),
): Promise<{ updated: number }> {
  const marker = await client.send(
    new GetCommand({ TableName: tableName, Key: keys.job(DONE), ConsistentRead: true }),
  );
  if (marker.Item) return { updated: 0 };
  const { changed } = await recountOpenCounts(client, tableName);
  await client.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.job(DONE), name: DONE, at: new Date().toISOString() },
    }),
  );
  return { updated: changed };
}
