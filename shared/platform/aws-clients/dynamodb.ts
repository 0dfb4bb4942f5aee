import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { endpoint } from './endpoint';

/**
 * The DynamoDB client, created once per Lambda container. One module per AWS client, so that a
 * function's bundle carries only the clients it uses.
 */
let dynamo: { client: DynamoDBDocumentClient; endpoint: string | undefined } | undefined;

export function dynamoClient(): DynamoDBDocumentClient {
  // In a Lambda the endpoint never changes. A local process may start a second stack on other
  // ports (a test restarting the stack): a client of the first would call a port that is gone.
  const current = endpoint('DYNAMODB');
  if (dynamo && dynamo.endpoint === current) return dynamo.client;
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: current,
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
  dynamo = { client, endpoint: current };
  return client;
}
