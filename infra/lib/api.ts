import { Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_THROTTLE, type RouteDef } from '#http/route-types';
import { ACCESS_TOKEN_SCOPE } from './auth';
import type { FunctionAccess, ResourceOwners } from './grants';
import { LATENCY_WATCHED_ROUTES } from './monitoring';
import type { OriginGuard } from './origin-guard';

export interface ApiProps {
  routes: readonly RouteDef[];
  /** The JWT authorizer checks access tokens of `owners.auth`'s user pool and web client. */
  owners: ResourceOwners;
  /** The shared role of each permission set; routes that declare the same resources share one. */
  access: FunctionAccess;
  /** Checks that requests to public routes came through CloudFront. */
  originGuard: OriginGuard;
}

/**
 * The access-log line of a request. No IP addresses or user agents: the access log is for
 * traffic, not for people. And no `$context.path`: the route key names the route template
 * (`POST /api/auth/activate`), never the request's own path or query string, so a token in a
 * URL can never reach this log.
 */
export const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

const pascal = (id: string) => id.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());

/**
 * One HTTP API, one Lambda per route of the route table, JWT-checked unless the route is public.
 * A route costs four CloudFormation resources (function, integration, route, invoke permission);
 * its role is the one of its permission set, shared with every function that declares the same.
 */
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
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FORMAT)),
      },
    });

    // API Gateway checks the token's signature, issuer and expiry, and its audience: `aud`, or
    // `client_id` when there is no `aud`. Cognito ID tokens carry the client id in `aud`, access
    // tokens in `client_id`, so both would pass on audience alone. Every protected route therefore
    // also requires a scope that only access tokens carry (ID tokens have no `scope` claim), as
    // API Gateway's documentation recommends; an ID token gets 403 before any Lambda runs.
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.owners.auth.userPool, {
      userPoolClients: [props.owners.auth.client],
      identitySource: ['$request.header.Authorization'],
    });

    const routeSettings: Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number; DetailedMetricsEnabled?: boolean }
    > = {};
    const watched: readonly string[] = LATENCY_WATCHED_ROUTES;
    for (const route of props.routes) {
      const fn = props.access.productFunction(this, pascal(route.id), {
        entry: route.entry,
        description: `${route.method} ${route.path}`,
        resources: route.resources,
      });
      this.functions.set(route.id, fn);
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${pascal(route.id)}Integration`, fn),
        ...(route.public
          ? { authorizer: props.originGuard.authorizer }
          : { authorizer, authorizationScopes: [ACCESS_TOKEN_SCOPE] }),
      });
      const throttle = route.throttle ?? DEFAULT_THROTTLE;
      const routeKey = `${route.method} ${route.path}`;
      routeSettings[routeKey] = {
        ThrottlingRateLimit: throttle.rate,
        ThrottlingBurstLimit: throttle.burst,
        // Per-route metrics for the latency alarms (monitoring.ts), only where watched: they cost.
        ...(watched.includes(routeKey) ? { DetailedMetricsEnabled: true } : {}),
      };
    }
    // HttpStage exposes only a stage-wide throttle; per-route limits live in the CFN resource.
    (stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);
  }
}

export const apiDomainOf = (api: HttpApi) =>
  `${api.apiId}.execute-api.${Stack.of(api).region}.${Stack.of(api).urlSuffix}`;
