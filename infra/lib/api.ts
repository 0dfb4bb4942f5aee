import { Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DEFAULT_THROTTLE, type Resource, type RouteDef } from '#http/route-types';
import { productFunction } from './lambda';
import { acknowledge, arnToken } from './nag';

export interface ApiProps {
  routes: readonly RouteDef[];
  environment: Record<string, string>;
  table: Table;
  exportBucket: Bucket;
  userPool: UserPool;
  client: UserPoolClient;
  sesIdentityArn: string;
  configurationSetArn: string;
  personalDataKey: IKey;
}

const pascal = (id: string) => id.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());

/** One HTTP API, one Lambda per route of the route table, JWT-checked unless the route is public. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'Http', {
      description: 'Stagematching API',
      createDefaultStage: false,
      // Same origin as the web app through CloudFront: no cross-origin callers to allow.
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: DEFAULT_THROTTLE.rate, burstLimit: DEFAULT_THROTTLE.burst },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No IP addresses or user agents: the access log is for traffic, not for people.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
      userPoolClients: [props.client],
    });

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of props.routes) {
      const fn = productFunction(this, pascal(route.id), {
        entry: route.entry,
        description: `${route.method} ${route.path}`,
        environment: props.environment,
      });
      this.grant(fn, route.resources, props);
      this.functions.set(route.id, fn);
      const httpRoutes = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${pascal(route.id)}Integration`, fn),
        authorizer: route.public ? new HttpNoneAuthorizer() : authorizer,
      });
      for (const httpRoute of route.public ? httpRoutes : []) {
        acknowledge(
          httpRoute,
          'AwsSolutions-APIG4',
          'Public by design in the route table (health, login, activation); the handler needs no caller.',
        );
      }
      const throttle = route.throttle ?? DEFAULT_THROTTLE;
      routeSettings[`${route.method} ${route.path}`] = {
        ThrottlingRateLimit: throttle.rate,
        ThrottlingBurstLimit: throttle.burst,
      };
    }
    // HttpStage exposes only a stage-wide throttle; per-route limits live in the CFN resource.
    (stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);
  }

  /** SendEmail from the product's identity through its configuration set, nothing else. */
  sendMailStatement(identityArn: string, configurationSetArn: string): PolicyStatement {
    return new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['ses:SendEmail'],
      resources: [identityArn, configurationSetArn],
    });
  }

  private grant(fn: NodejsFunction, resources: readonly Resource[], props: ApiProps) {
    for (const resource of resources) {
      switch (resource) {
        case 'table:read':
          props.table.grantReadData(fn);
          break;
        case 'table:write':
          props.table.grantReadWriteData(fn);
          break;
        case 'exports:write':
          props.exportBucket.grantPut(fn);
          props.exportBucket.grantRead(fn);
          break;
        case 'exports:read':
          // Presigns download links: the signer may read export files, nothing else of the bucket.
          fn.addToRolePolicy(
            new PolicyStatement({
              effect: Effect.ALLOW,
              actions: ['s3:GetObject'],
              resources: [props.exportBucket.arnForObjects('exports/*')],
            }),
          );
          acknowledge(
            fn.role!,
            `AwsSolutions-IAM5[Resource::${arnToken(props.exportBucket)}/exports/*]`,
            'Export files have generated names under exports/; the route presigns a GET for the owner only.',
          );
          break;
        case 'exports:start':
          // Granted by the stack: the export function exists only after the API's functions.
          break;
        case 'mail:send':
          fn.addToRolePolicy(this.sendMailStatement(props.sesIdentityArn, props.configurationSetArn));
          break;
        case 'pii:encrypt':
          props.personalDataKey.grant(fn, 'kms:GenerateDataKey');
          break;
        case 'pii:decrypt':
          props.personalDataKey.grantDecrypt(fn);
          break;
        case 'users:admin':
          fn.addToRolePolicy(
            new PolicyStatement({
              effect: Effect.ALLOW,
              actions: [
                'cognito-idp:AdminCreateUser',
                'cognito-idp:AdminSetUserPassword',
                'cognito-idp:AdminDisableUser',
                'cognito-idp:AdminEnableUser',
                'cognito-idp:AdminGetUser',
                'cognito-idp:AdminInitiateAuth',
                'cognito-idp:AdminUserGlobalSignOut',
              ],
              resources: [props.userPool.userPoolArn],
            }),
          );
          break;
      }
    }
  }
}

export const apiDomainOf = (api: HttpApi) =>
  `${api.apiId}.execute-api.${Stack.of(api).region}.${Stack.of(api).urlSuffix}`;
