import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';

export async function pingTable(): Promise<void> {
  const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: settings.tableName() }));
  if (Table?.TableStatus !== 'ACTIVE') throw new Error(`Table status ${Table?.TableStatus ?? 'unknown'}`);
}
