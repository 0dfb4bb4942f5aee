import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  DescribeTableCommand,
  QueryCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { ACCESS_TOKEN_MINUTES, PASSWORD_MIN_LENGTH } from '#contract/auth-policy';
import { keys } from '#platform/table/keys';
import { TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '#platform/table/table';
import { shippedSchoolYear } from '#school-year/calendar';
import { localCognito, localDynamo } from './local-clients';

/** The registry of school years: keys only, no indexes (PlatformStack makes the same in AWS). */
export async function ensureYearsTable(endpoint: string, tableName: string): Promise<void> {
  const client = localDynamo(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client
    .send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' },
          { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
      }),
    )
    .catch((error: Error) => {
      // Two years starting at once on the same emulator: the other one made it.
      if (error.name !== 'ResourceInUseException') throw error;
    });
}

/**
 * The year `npm start` serves without SCHOOL_YEAR: the newest current year of the registry (the
 * one the last local switch chose), or on a fresh start the first year, whose dates ship.
 */
export async function servedLocalYear(endpoint: string, yearsTable: string): Promise<string> {
  const { Items } = await localDynamo(endpoint).send(
    new QueryCommand({
      TableName: yearsTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: keys.schoolYearsPartition } },
      ConsistentRead: true,
    }),
  );
  const current = (Items ?? [])
    .filter((item) => item.status?.S === 'current')
    .map((item) => item.sk?.S ?? '')
    .sort();
  return current.at(-1) ?? shippedSchoolYear;
}

/** Creates what the CDK stack would create, when missing. Safe to run on every start. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = localDynamo(endpoint);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const attributes = [
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    ...TABLE_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
}

export interface LocalUserPool {
  userPoolId: string;
  clientId: string;
}

/**
 * The one user pool of every school year, as the platform stack has one in AWS. Local data from
 * before the pool was shared has one pool per year; the oldest of those is adopted, so its logins
 * keep working.
 */
export async function ensureUserPool(endpoint: string, poolName: string): Promise<LocalUserPool> {
  const client = localCognito(endpoint);
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const perYear = (pools.UserPools ?? [])
    .filter((p) => p.Name?.startsWith(`${poolName}-`))
    .sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
  let userPoolId = (pools.UserPools?.find((p) => p.Name === poolName) ?? perYear[0])?.Id;
  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: poolName,
        UsernameAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: { PasswordPolicy: { MinimumLength: PASSWORD_MIN_LENGTH } },
      }),
    );
    userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error('cognito-local created no user pool');
  }
  const clients = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === 'web')?.ClientId;
  if (!clientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: ACCESS_TOKEN_MINUTES,
        IdTokenValidity: ACCESS_TOKEN_MINUTES,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      }),
    );
    clientId = created.UserPoolClient?.ClientId;
    if (!clientId) throw new Error('cognito-local created no app client');
  }
  return { userPoolId, clientId };
}
