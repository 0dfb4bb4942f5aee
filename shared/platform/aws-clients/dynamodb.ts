import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { endpoint } from './endpoint';

/**
 * The DynamoDB client, created once per Lambda container. One module per AWS client, so that a
 * function's bundle carries only the clients it uses.
 */
let dynamo: DynamoDBDocumentClient | undefined;

export function dynamoClient(): DynamoDBDocumentClient {
  dynamo ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: endpoint('DYNAMODB'),
      // A Lambda handles one request at a time; the local server runs every handler in one process.
      requestHandler: {
        httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }),
        httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
      },
    }),
    {
      marshallOptions: { removeUndefinedValues: true },
    },
  );
  return dynamo;
}
