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
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_THROTTLE, type RouteDef } from '#http/route-types';
import { grantResources, type ResourceOwners } from './grants';
import { productFunction } from './lambda';
import { acknowledge } from './nag';

export interface ApiProps {
  routes: readonly RouteDef[];
  /** The constructs that grant what each route declares in `resources`. */
  owners: ResourceOwners;
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

    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.owners.auth.userPool, {
      userPoolClients: [props.owners.auth.client],
    });

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of props.routes) {
      const fn = productFunction(this, pascal(route.id), {
        entry: route.entry,
        description: `${route.method} ${route.path}`,
      });
      grantResources(fn, route.resources, props.owners);
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
}

export const apiDomainOf = (api: HttpApi) =>
  `${api.apiId}.execute-api.${Stack.of(api).region}.${Stack.of(api).urlSuffix}`;
