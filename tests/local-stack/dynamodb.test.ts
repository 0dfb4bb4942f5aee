import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';

const table = () => settings.tableName();

describe('DynamoDB Local', () => {
  it('lets exactly one of two conditional writes on the same key win', async () => {
    const key = { pk: `TEST#${randomUUID()}`, sk: 'CLAIM' };
    const claim = (by: string) =>
      dynamoClient().send(
        new PutCommand({
          TableName: table(),
          Item: { ...key, by },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    const results = await Promise.allSettled([claim('first'), claim('second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConditionalCheckFailedException);
    const { Item } = await dynamoClient().send(new GetCommand({ TableName: table(), Key: key }));
    expect(['first', 'second']).toContain(Item?.by);
  });

  it('writes nothing of a transaction when one of its conditions fails', async () => {
    const taken = { pk: `TEST#${randomUUID()}`, sk: 'TAKEN' };
    const fresh = { pk: `TEST#${randomUUID()}`, sk: 'FRESH' };
    await dynamoClient().send(new PutCommand({ TableName: table(), Item: taken }));
    await expect(
      dynamoClient().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table(), Item: fresh } },
            { Put: { TableName: table(), Item: taken, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(TransactionCanceledException);
    const { Item } = await dynamoClient().send(new GetCommand({ TableName: table(), Key: fresh }));
    expect(Item).toBeUndefined();
  });
});
