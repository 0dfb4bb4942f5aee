import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '#platform/aws-clients/cognito';
import { settings } from '#platform/config';

export interface CognitoTokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

/** The credentials side of an account: Cognito keeps passwords and signs the tokens. */
export const cognitoLogins = {
  /** Creates the login if it does not exist yet and returns its subject. Idempotent. */
  async ensure(email: string): Promise<string> {
    const UserPoolId = settings.userPoolId();
    try {
      const created = await cognitoClient().send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: email,
          MessageAction: 'SUPPRESS', // our own Dutch mails, not Cognito's
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
      if (sub) return sub;
    } catch (error) {
      if (!(error instanceof UsernameExistsException)) throw error;
    }
    const existing = await cognitoClient().send(new AdminGetUserCommand({ UserPoolId, Username: email }));
    const sub = existing.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    if (!sub) throw new Error('Cognito user without sub');
    return sub;
  },

  async setPassword(email: string, password: string): Promise<void> {
    await cognitoClient().send(
      new AdminSetUserPasswordCommand({
        UserPoolId: settings.userPoolId(),
        Username: email,
        Password: password,
        Permanent: true,
      }),
    );
  },

  async disable(email: string): Promise<void> {
    await cognitoClient().send(
      new AdminDisableUserCommand({ UserPoolId: settings.userPoolId(), Username: email }),
    );
  },

  /** Null when email or password is wrong; which of the two is never told. */
  async authenticate(email: string, password: string): Promise<CognitoTokens | null> {
    try {
      const result = await cognitoClient().send(
        new InitiateAuthCommand({
          ClientId: settings.userPoolClientId(),
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: password },
        }),
      );
      return toTokens(result.AuthenticationResult);
    } catch (error) {
      if (isCredentialsError(error)) return null;
      throw error;
    }
  },

  async refresh(refreshToken: string): Promise<CognitoTokens | null> {
    try {
      const result = await cognitoClient().send(
        new InitiateAuthCommand({
          ClientId: settings.userPoolClientId(),
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      );
      return toTokens(result.AuthenticationResult);
    } catch (error) {
      if (isCredentialsError(error)) return null;
      throw error;
    }
  },
};

const CREDENTIAL_ERRORS = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'InvalidPasswordException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
]);

function isCredentialsError(error: unknown): boolean {
  return error instanceof Error && CREDENTIAL_ERRORS.has(error.name);
}

function toTokens(result: { AccessToken?: string; RefreshToken?: string; ExpiresIn?: number } | undefined) {
  if (!result?.AccessToken) return null;
  const claims = JSON.parse(
    Buffer.from(result.AccessToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
  );
  const expiresIn = result.ExpiresIn ?? Math.max(0, Number(claims.exp) - Math.floor(Date.now() / 1000));
  return { accessToken: result.AccessToken, refreshToken: result.RefreshToken, expiresIn };
}

/** The subject of a token that Cognito itself just handed us. */
export function subjectOf(accessToken: string): string {
  return JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')).sub;
}

/** How a revoked access token is named: `<exp>.<jti>`, so the entry says when it may be forgotten. */
export function tokenRef(accessToken: string): string {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return `${claims.exp}.${claims.jti}`;
}
