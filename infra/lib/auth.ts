import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type IUserPool,
  type IUserPoolClient,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ACCESS_TOKEN_MINUTES, PASSWORD_MIN_LENGTH, REFRESH_TOKEN_DAYS } from '#contract/auth-policy';

/**
 * The one scope every access token of this pool carries and no ID token does. Cognito puts it in
 * every access token issued through its user-pools API (InitiateAuth), which is how the API signs
 * people in; ID tokens have no `scope` claim at all. The API's routes require it, which is how
 * API Gateway tells the two token types apart (see `Api`).
 */
export const ACCESS_TOKEN_SCOPE = 'aws.cognito.signin.user.admin';

/** The admin actions the product uses (`shared/accounts/cognito.ts`), nothing more. */
const ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminDisableUser',
];

/**
 * People log in with email and password; accounts exist only because an admin invited them. The
 * pool outlives school years: the platform stack makes it, and each year's stack uses it
 * (`shared`), so a person keeps one login from year to year. A year deployed without the platform
 * (a trial, the tests) makes a pool of its own.
 */
export class Auth extends Construct {
  readonly userPool: IUserPool;
  readonly client: IUserPoolClient;

  constructor(
    scope: Construct,
    id: string,
    props: { shared?: { userPool: IUserPool; client: IUserPoolClient } } = {},
  ) {
    super(scope, id);
    if (props.shared) {
      this.userPool = props.shared.userPool;
      this.client = props.shared.client;
      return;
    }
    const { userPool, client } = Auth.createPool(this);
    this.userPool = userPool;
    this.client = client;
  }

  /** The pool and its web client, with the product's password and token rules. */
  static createPool(scope: Construct): { userPool: UserPool; client: UserPoolClient } {
    const userPool = new UserPool(scope, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.NONE,
      passwordPolicy: {
        minLength: PASSWORD_MIN_LENGTH,
        requireDigits: false,
        requireLowercase: false,
        requireUppercase: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(7),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const client = userPool.addClient('Web', {
      // The API signs people in server-side with InitiateAuth (USER_PASSWORD_AUTH, and
      // REFRESH_TOKEN_AUTH, which every client allows). No hosted UI, no redirects: OAuth is off, so
      // the client offers neither the implicit grant nor any OAuth scope (CDK's default would allow
      // the implicit and code grants with every scope, aws.cognito.signin.user.admin included).
      authFlows: { userPassword: true },
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.minutes(ACCESS_TOKEN_MINUTES),
      idTokenValidity: Duration.minutes(ACCESS_TOKEN_MINUTES),
      refreshTokenValidity: Duration.days(REFRESH_TOKEN_DAYS),
      enableTokenRevocation: true,
    });
    return { userPool, client };
  }

  /**
   * Lets a role manage logins (invite, activate, reset, deactivate) in this pool. Runs once per
   * permission set (the functions of a set share its role).
   */
  grantAdmin(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ADMIN_ACTIONS,
        resources: [this.userPool.userPoolArn],
      }),
    );
  }

  /** Tells a function that manages logins which pool they are in. */
  configureAdmin(fn: LambdaFunction): void {
    fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
  }

  /**
   * Lets a function sign people in through the web app client. InitiateAuth is not authorised by
   * IAM (the password or refresh token is the credential), so there is nothing to grant: this is
   * the client id only.
   */
  configureLogin(fn: LambdaFunction): void {
    fn.addEnvironment('USER_POOL_CLIENT_ID', this.client.userPoolClientId);
  }
}
