import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { firstPeriodStart, type StoredStudent } from './rules';

/**
 * Brings students stored before programmes and adult windows up to date, idempotently: a secondary
 * student without a programme gets `seventh_year` (the programme every secondary student was in
 * before the 3rd grade joined), and every student gets `firstPeriodStart` beside them (what the
 * open index filters adult windows on). A one-off scan: run at start-up of the local stack and
 * once per deployed year; students written since carry both.
 */
export async function migrateStudents(
  client: DynamoDBDocumentClient = dynamoClient(),
  tableName: string = settings.tableName(),
): Promise<{ updated: number }> {
  let updated = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression:
          'sk = :sk AND (attribute_not_exists(firstPeriodStart) OR (track = :secondary AND attribute_not_exists(programme)))',
        ExpressionAttributeValues: { ':sk': 'STUDENT', ':secondary': 'secondary' },
        ExclusiveStartKey,
      }),
    );
    for (const item of (page.Items ?? []) as unknown as (StoredStudent & { pk: string; sk: string })[]) {
      const programme = item.track === 'secondary' ? (item.programme ?? 'seventh_year') : undefined;
      const start = firstPeriodStart(item.internship?.periods ?? []);
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
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':fps': start ?? '', ...(programme ? { ':prog': programme } : {}) },
          }),
        );
        updated++;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { updated };
}
