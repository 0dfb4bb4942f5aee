import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * Credentials of the local stack. s3rver verifies signatures against its built-in key pair, so
 * every local client signs with it; the other emulators accept any key.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'eu-west-1';

const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };

export const localDynamo = (endpoint: string) => new DynamoDBClient({ ...common, endpoint });
export const localS3 = (endpoint: string) => new S3Client({ ...common, endpoint, forcePathStyle: true });
export const localSes = (endpoint: string) => new SESv2Client({ ...common, endpoint });
export const localCognito = (endpoint: string) => new CognitoIdentityProviderClient({ ...common, endpoint });
