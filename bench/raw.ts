import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { keys } from '#platform/table/keys';
import { LIST_FIELDS } from '#requests/open-index';

/**
 * The list's own page query, sent straight to the store: one Query, Limit 50, on the open index,
 * projecting the same fields as the product (and the keys, for the next page).
 */
const RAW_FIELDS = [...LIST_FIELDS, 'pk', 'sk', 'gsi2pk', 'gsi2sk'];
const field = (name: string) => `#f${RAW_FIELDS.indexOf(name)}`;
export function rawPageQuery(
  tableName: string,
  partition: string,
  filter?: { postcode: string; transport: string[] },
) {
  const names: Record<string, string> = Object.fromEntries(RAW_FIELDS.map((f, i) => [`#f${i}`, f]));
  const values: Record<string, unknown> = { ':pk': partition, ':now': new Date().toISOString() };
  let condition = 'gsi2pk = :pk';
  let filterExpression = `${field('visibleFrom')} <= :now`;
  if (filter) {
    condition += ' AND begins_with(gsi2sk, :pc)';
    values[':pc'] = filter.postcode;
    filterExpression += ` AND (${filter.transport.map((_, i) => `contains(${field('transport')}, :t${i})`).join(' OR ')})`;
    filter.transport.forEach((t, i) => {
      values[`:t${i}`] = t;
    });
  }
  return dynamoClient().send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: condition,
      FilterExpression: filterExpression,
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      Limit: 50,
    }),
  );
}

/** The acceptance transaction with its conditions, sent straight to the store (same four items, same retry). */
export async function rawAccept(tableName: string, studentId: string, serviceId: string, contactId: string) {
  const at = new Date().toISOString();
  const decision = { studentId, serviceId, status: 'accepted', decidedAt: at, decidedBy: 'raw' };
  const TransactItems = [
    {
      Update: {
        TableName: tableName,
        Key: keys.student(studentId),
        UpdateExpression: 'SET placement = :p, updatedAt = :at REMOVE gsi2pk, gsi2sk',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(placement) AND attribute_not_exists(stoppedAt)',
        ExpressionAttributeValues: { ':p': { serviceId, acceptedAt: at }, ':at': at },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.decision(studentId, serviceId),
          ...keys.decisionByService(serviceId, 'accepted', studentId),
          ...decision,
        },
      },
    },
    {
      Update: {
        TableName: tableName,
        Key: keys.contact(serviceId, contactId),
        UpdateExpression: 'ADD acceptanceCount :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.history(studentId, `${at}#${Math.random()}`, serviceId), ...decision },
      },
    },
  ];
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamoClient().send(new TransactWriteCommand({ TransactItems }));
      return 'won';
    } catch (error) {
      // DynamoDB Local only: a transaction waiting too long for its lock ("will succeed in actual DynamoDB").
      if (
        (error as Error).name === 'InternalServerError' &&
        /lock/.test((error as Error).message) &&
        attempt < 8
      ) {
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
        continue;
      }
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
      if (codes[0] === 'ConditionalCheckFailed') return 'taken';
      if (!codes.includes('TransactionConflict') || attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}
