import { Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpIntegrationType,
  HttpMethod,
  HttpRouteIntegration,
  type HttpRouteIntegrationBindOptions,
  type HttpRouteIntegrationConfig,
  HttpStage,
  IntegrationCredentials,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, type IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type FunctionGroup, functionGroups, groupOf, routeKeyOf } from '#http/function-groups';
import { DEFAULT_THROTTLE, type RouteDef } from '#http/route-types';
import { ACCESS_TOKEN_SCOPE } from './auth';
import type { FunctionAccess, ResourceOwners } from './grants';
import { writeGroupEntries } from './group-entries';
import { repoRoot } from './lambda';
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
 * One HTTP API with one route per entry of the route table, JWT-checked unless the route is
 * public, each with its own throttle; behind them one Lambda per function group
 * (`#http/function-groups`): one per permission set, and the 12:00 hot path on its own. A group's
 * function dispatches on the route key to the routes' own handlers.
 *
 * CloudFormation resources: a route costs one (the route); a group costs two (function and
 * integration), three if its permission set is new (its role, policy inline). API Gateway invokes
 * every function with one role of its own, so there is no invoke permission per function. One
 * function per route cost four per route, and a school year's stack holds at most 500.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly groups: readonly FunctionGroup[];
  /** The function of each group, by group id. */
  readonly functions = new Map<string, NodejsFunction>();
  /** The hot path's alias that API Gateway invokes (set once the hot-path group is made). */
  hotPathAlias?: Alias;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.groups = functionGroups(props.routes);
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

    // One integration per function, shared by its routes. API Gateway calls the functions as one
    // role that may invoke exactly them (and the hot path's alias), instead of a resource-based
    // invoke permission per function. The function answers only the route keys of its group;
    // any other gets 404.
    const entries = writeGroupEntries(this.groups, repoRoot);
    const invoker = new Role(this, 'Invoker', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
      description: "API Gateway invokes the API's functions as this role",
    });
    const integrations = new Map<string, HttpRouteIntegration>();
    for (const group of this.groups) {
      const fn = props.access.productFunction(this, pascal(group.id), {
        entry: entries.get(group.id)!,
        description: describe(group),
        resources: group.resources,
      });
      this.functions.set(group.id, fn);
      // The hot path is invoked through its alias `live`, whose warm instances the tick provisions
      // around each opening (warm-up.ts); an integration with the bare function would bypass them.
      if (group.hotPath) {
        this.hotPathAlias = new Alias(this, 'HotPathLive', { aliasName: 'live', version: fn.currentVersion });
      }
      const target = group.hotPath && this.hotPathAlias ? this.hotPathAlias : fn;
      // Exactly this ARN (the alias's, for the hot path): not `grantInvoke`'s `:*` on every version.
      invoker.addToPolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }),
      );
      integrations.set(group.id, new InvokeAsRole(`${pascal(group.id)}Integration`, target, invoker));
    }

    const routeSettings: Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number; DetailedMetricsEnabled?: boolean }
    > = {};
    const watched: readonly string[] = LATENCY_WATCHED_ROUTES;
    for (const route of props.routes) {
      this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations.get(groupOf(this.groups, route.id).id)!,
        ...(route.public
          ? { authorizer: props.originGuard.authorizer }
          : { authorizer, authorizationScopes: [ACCESS_TOKEN_SCOPE] }),
      });
      const throttle = route.throttle ?? DEFAULT_THROTTLE;
      const routeKey = routeKeyOf(route);
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

/**
 * A Lambda proxy integration that API Gateway calls with `credentials` (the invoker role), where
 * `HttpLambdaIntegration` would add a resource-based permission to each function.
 */
class InvokeAsRole extends HttpRouteIntegration {
  constructor(
    id: string,
    private readonly target: IFunction,
    private readonly invoker: Role,
  ) {
    super(id);
  }

  bind(_options: HttpRouteIntegrationBindOptions): HttpRouteIntegrationConfig {
    return {
      type: HttpIntegrationType.AWS_PROXY,
      uri: this.target.functionArn,
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      credentials: IntegrationCredentials.fromRole(this.invoker),
    };
  }
}

/** A function's description: what it serves (Lambda allows 256 characters, so no route list). */
const describe = (group: FunctionGroup) =>
  group.hotPath
    ? `API, the 12:00 hot path: ${group.routes.map((r) => r.id).join(', ')}`
    : `API routes that may use ${group.resources.join(', ') || 'their logs only'} (${group.routes.length} route${group.routes.length === 1 ? '' : 's'})`;

export const apiDomainOf = (api: HttpApi) =>
  `${api.apiId}.execute-api.${Stack.of(api).region}.${Stack.of(api).urlSuffix}`;
