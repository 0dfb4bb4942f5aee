import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { cognitoClient, dynamoClient } from '../../../shared/aws/clients';
import { settings } from '../../../shared/config/env';
import { identityKey } from '../../../shared/data/identities';
import type { Role } from '../../../shared/domain/roles';

export interface TestUser {
  sub: string;
  email: string;
  password: string;
  accessToken: string;
}

/** A person with a real Cognito login (local pool) and, unless told otherwise, an identity record. */
export async function createTestUser(
  options: { role?: Role; active?: boolean; identity?: boolean } = {},
): Promise<TestUser> {
  const { userPoolId, clientId } = inject('stack').userPool;
  const email = `test-${randomUUID()}@example.be`;
  const password = `Lang-en-Geheim-${randomUUID()}`;
  const created = await cognitoClient().send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: email,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
      MessageAction: 'SUPPRESS',
    }),
  );
  const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('cognito-local returned no sub');
  await cognitoClient().send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: password,
      Permanent: true,
    }),
  );
  const auth = await cognitoClient().send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  const accessToken = auth.AuthenticationResult?.AccessToken;
  if (!accessToken) throw new Error('cognito-local issued no access token');
  if (options.identity !== false) {
    await dynamoClient().send(
      new PutCommand({
        TableName: settings.tableName(),
        Item: {
          ...identityKey(sub),
          userId: sub,
          email,
          name: 'Test Persoon',
          role: options.role ?? 'school',
          organisationId: `ORG-${randomUUID()}`,
          active: options.active ?? true,
        },
      }),
    );
  }
  return { sub, email, password, accessToken };
}
