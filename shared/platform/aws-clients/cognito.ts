import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { endpoint } from './endpoint';

let cognito: CognitoIdentityProviderClient | undefined;

/** The Cognito user-pool client, once per container. */
export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({ endpoint: endpoint('COGNITO_IDENTITY_PROVIDER') });
  return cognito;
}
