import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { sameVersion } from '#kernel/concurrency';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { scanPages } from '#platform/table/scan-pages';
import { firstPeriodStart, type StoredStudent } from './rules';

/**
 * Brings students stored before programmes and adult windows up to date, idempotently: a secondary
 * student without a programme gets `seventh_year` (the programme every secondary student was in
 * before the 3rd grade joined), and every student gets `firstPeriodStart` beside them (what the
 * open index filters adult windows on). A one-off scan: run by `shared/migrations/run.ts` at local
 * start and on deploy; students written since carry both.
 */
export async function migrateStudents(
  client: DynamoDBDocumentClient = dynamoClient(),
  tableName: string = settings.tableName(),
): Promise<{ updated: number }> {
  let updated = 0;
  const pages = scanPages<StoredItem>(client, {
    TableName: tableName,
    FilterExpression:
      'sk = :sk AND (attribute_not_exists(firstPeriodStart) OR (track = :secondary AND attribute_not_exists(programme)))',
    ExpressionAttributeValues: { ':sk': keys.studentSortKey, ':secondary': 'secondary' },
  });
  for await (const items of pages) {
    for (const item of items) if (await bringUpToDate(client, tableName, item)) updated++;
  }
  return { updated };
}

type StoredItem = StoredStudent & { pk: string; sk: string; firstPeriodStart?: string };

/**
 * Sets the two attributes on one student, conditional on the version it read (`version`), like
 * every student write: a school's edit in between wins (it writes both attributes itself), and a
 * stop in between makes it read the student again. Neither attribute moves a placement counter,
 * and the version stays as it is, so no reader's own conditional write is refused because of it.
 */
async function bringUpToDate(
  client: DynamoDBDocumentClient,
  tableName: string,
  first: StoredItem,
): Promise<boolean> {
  let item: StoredItem | undefined = first;
  for (let attempt = 0; item && attempt < 5; attempt++) {
    const programme = item.track === 'secondary' ? (item.programme ?? 'seventh_year') : undefined;
    const start = firstPeriodStart(item.internship?.periods ?? []);
    if (item.firstPeriodStart !== undefined && (item.track !== 'secondary' || item.programme)) return false;
    const version = sameVersion(item.version);
    const sets = [
      'firstPeriodStart = :fps',
      ...(programme ? ['programme = if_not_exists(programme, :prog)'] : []),
    ];
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: `attribute_exists(pk) AND ${version.condition}`,
          ExpressionAttributeNames: version.names,
          ExpressionAttributeValues: {
            ':fps': start ?? '',
            ...version.values,
            ...(programme ? { ':prog': programme } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk }, ConsistentRead: true }),
      );
      item = Item as StoredItem | undefined;
    }
  }
  return false;
}
