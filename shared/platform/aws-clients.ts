import { Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optionalEnv } from './config';

/**
 * AWS clients, created once per Lambda container. In the local stack the standard
 * AWS_ENDPOINT_URL_<SERVICE> variables point them at the emulators; in AWS they are unset.
 */
const endpoint = (service: string) => optionalEnv(`AWS_ENDPOINT_URL_${service}`);

let dynamo: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;
let ses: SESv2Client | undefined;
let cognito: CognitoIdentityProviderClient | undefined;

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

export function s3Client(): S3Client {
  const local = endpoint('S3');
  s3 ??= new S3Client({ endpoint: local, forcePathStyle: local !== undefined });
  return s3;
}

export function sesClient(): SESv2Client {
  ses ??= new SESv2Client({ endpoint: endpoint('SESV2') });
  return ses;
}

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({ endpoint: endpoint('COGNITO_IDENTITY_PROVIDER') });
  return cognito;
}
