import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionGroups, groupOf, HOT_PATH_ROUTES, permissionSetOf, routeKeyOf } from '#http/function-groups';
import { DEFAULT_THROTTLE } from '#http/route-types';
import { routes } from '#http/routes';
import { migrationNames } from '#migrations/run';
import { buildWeb } from '../../web/build';
import { jobs } from '../jobs';
import { EdgeStack, WAF_LIMITS } from '../lib/edge';
import { defineSchoolYear, stackNameFor } from '../lib/stack';

/** The API's functions: one per permission set of the routes, and the 12:00 hot path. */
const groups = functionGroups(routes);
/** What the function of a route may touch: the route's own set, or on the hot path the union of its routes'. */
const setOf = (routeId: string): readonly string[] => groupOf(groups, routeId).resources;
const pascal = (id: string) => id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

let template: Template;
let edge: Template;
let synthError: unknown;
let assemblyDir: string;

beforeAll(async () => {
  const webAssetPath = join(mkdtempSync(join(tmpdir(), 'web-')), 'dist');
  await buildWeb({ quiet: true, outDir: webAssetPath });
  const app = new App({
    context: { schoolYear: '2026-2027', '@aws-cdk/core:defaultCrossStackReferences': 'weak' },
  });
  const stacks = defineSchoolYear(app, {
    schoolYear: '2026-2027',
    region: 'eu-west-1',
    mailFrom: 'Stagematching <no-reply@stagematching.example>',
    adminEmail: 'beheer@vivo.example',
    webAssetPath,
    jobs,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    assemblyDir = app.synth().directory;
  } catch (error) {
    synthError = error;
  }
  template = Template.fromStack(stacks.schoolYear);
  edge = Template.fromStack(stacks.edge);
});

describe('the school-year stack', () => {
  it('invokes the 12:00 hot path through its alias `live`, whose warm instances the tick sets', () => {
    template.hasResourceProperties('AWS::Lambda::Alias', { Name: 'live' });
    const [aliasId] = Object.keys(template.findResources('AWS::Lambda::Alias'));
    const integrations = Object.values(template.findResources('AWS::ApiGatewayV2::Integration')) as {
      Properties: { IntegrationUri: unknown };
    }[];
    expect(
      integrations.filter((i) => JSON.stringify(i.Properties.IntegrationUri).includes(aliasId!)),
    ).toHaveLength(1);
    // The tick knows what to warm and how many (the deploy parameter's default).
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          WARM_ALIAS: 'live',
          WARM_CONCURRENCY: '10',
          WARM_FUNCTION_NAME: Match.anyValue(),
        }),
      },
    });
  });

  it('carries the school year in its name', () => {
    expect(stackNameFor('2026-2027')).toBe('Stagematching-2026-2027');
    expect(() => stackNameFor('2026-2028')).toThrow(/school year/);
  });

  it('passes the cdk-nag AwsSolutions checks with every finding acknowledged for a reason', () => {
    expect(synthError).toBeUndefined();
  });

  it('keeps data in one on-demand, encrypted, recoverable, protected table', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'stagematching-2026-2027',
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  it('has one Node 24 arm64 Lambda per permission set of the routes, one for the 12:00 hot path, the jobs, the deploy-time functions and the origin guard, and no placeholders', () => {
    const functions = Object.entries(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Runtime: 'nodejs24.x', Architectures: ['arm64'] },
      }),
    ) as [string, { Properties: { Description: string } }][];
    const api = functions.filter(([id]) => id.startsWith('Api'));
    expect(api.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(
      groups.map((g) => `Api${pascal(g.id)}`).sort(),
    );
    // 75 routes, 13 functions: 12 permission sets and the hot path.
    expect(api.length).toBe(new Set(routes.map((r) => permissionSetOf(r.resources).join(','))).size + 1);
    // No placeholders: a background function arrives as an entry in infra/jobs.ts once its feature
    // works (today the export builder and the escalations).
    expect(
      functions
        .filter(([id]) => !id.startsWith('Api'))
        .map(([, fn]) => fn.Properties.Description)
        .sort(),
    ).toEqual(
      [
        ...jobs.map((j) => j.description),
        'Invites the first admin on deploy',
        'Brings the table up to date on deploy (idempotent migrations)',
        "Opens the school year on deploy and at the address's switch (idempotent)",
        'Lets only requests through CloudFront reach the public API routes',
      ].sort(),
    );
  });

  it("routes every entry of the route table to its group's function, through one integration and one invoke permission per function", () => {
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    expect(Object.keys(integrations)).toHaveLength(groups.length);
    template.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    for (const route of routes) {
      const [found, ...more] = Object.values(
        template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKeyOf(route) } }),
      ) as { Properties: { AuthorizationType: string; Target: { 'Fn::Join': [string, unknown[]] } } }[];
      expect(more, route.id).toEqual([]);
      expect(found!.Properties.AuthorizationType, route.id).toBe(route.public ? 'CUSTOM' : 'JWT');
      const [, [, target]] = found!.Properties.Target['Fn::Join'] as [string, [string, { Ref: string }]];
      const uri = JSON.stringify(
        (integrations[target.Ref] as { Properties: { IntegrationUri: unknown } }).Properties.IntegrationUri,
      );
      // The hot path through its alias `live` (the warm instances), every other group its function.
      const group = groupOf(groups, route.id);
      expect(uri, route.id).toMatch(
        group.hotPath ? /"ApiHotPathLive[0-9A-F]{8}"/ : new RegExp(`"Api${pascal(group.id)}[0-9A-F]{8}"`),
      );
    }
    // API Gateway may invoke each function from any of the API's routes: one permission each.
    const permissions = Object.values(
      template.findResources('AWS::Lambda::Permission', {
        Properties: { Principal: 'apigateway.amazonaws.com' },
      }),
    ) as {
      Properties: { FunctionName: { 'Fn::GetAtt'?: [string, string]; Ref?: string }; SourceArn: unknown };
    }[];
    const invoked = (p: (typeof permissions)[number]) =>
      p.Properties.FunctionName['Fn::GetAtt']?.[0] ?? p.Properties.FunctionName.Ref ?? '';
    const apiPermissions = permissions.filter((p) => invoked(p).startsWith('Api'));
    expect(apiPermissions.map((p) => invoked(p).replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(
      groups.map((g) => (g.hotPath ? 'ApiHotPathLive' : `Api${pascal(g.id)}`)).sort(),
    );
    for (const p of apiPermissions)
      expect(JSON.stringify(p.Properties.SourceArn)).toMatch(/\/\*\/\*\/\*"\]\]\}$/);
  });

  it('logs every function to one log group (streams carry the function name)', () => {
    const groups = Object.keys(template.findResources('AWS::Logs::LogGroup'));
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as {
      Properties: { LoggingConfig?: { LogGroup?: { Ref: string } } };
    }[];
    const used = new Set(functions.flatMap((fn) => fn.Properties.LoggingConfig?.LogGroup?.Ref ?? []));
    expect(used.size).toBe(1);
    expect(groups).toContain([...used][0]);
  });

  it('stays at 225 resources or fewer, far from the 500 CloudFormation allows', () => {
    const count = Object.keys(template.toJSON().Resources).length;
    expect(
      count,
      "CloudFormation refuses a stack of more than 500 resources (cdk synth already does). A route costs one resource (its API Gateway route); a function three (function, integration, invoke permission), five with a new permission set (role and policy). The target is 200: the school years' routes, opening and retention brought the year to 218 (with the first-admin invitation). Make room (inline each permission set's policy in its role, one API invocation role instead of a permission per function, or the API in a nested stack) rather than raise this bound again.",
    ).toBeLessThanOrEqual(225);
  });

  it('deploys the web app without deleting the chunks of the previous release', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: false });
  });

  it('logs API access and throttles every route', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: { AccessLogSettings: { DestinationArn: unknown }; RouteSettings: Record<string, unknown> };
    };
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    expect(Object.keys(stage.Properties.RouteSettings).sort()).toEqual(routes.map(routeKeyOf).sort());
    for (const route of routes) {
      // Detailed (per-route) metrics only where an alarm watches the latency (monitoring.test.ts).
      expect(stage.Properties.RouteSettings[routeKeyOf(route)]).toMatchObject({
        ThrottlingRateLimit: route.throttle?.rate ?? DEFAULT_THROTTLE.rate,
        ThrottlingBurstLimit: route.throttle?.burst ?? DEFAULT_THROTTLE.burst,
      });
    }
  });

  it('lets only admins create users, with the password rule and short-lived tokens', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AccessTokenValidity: 15,
      TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes' }),
      PreventUserExistenceErrors: 'ENABLED',
      GenerateSecret: false,
    });
  });

  it('keeps exports private, TLS-only, encrypted and short-lived', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 7, Status: 'Enabled' })] },
    });
    const denyInsecure = template.findResources('AWS::S3::BucketPolicy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
    });
    expect(Object.keys(denyInsecure).length).toBeGreaterThanOrEqual(3);
  });

  it('serves the web app from CloudFront with origin access control, security headers and /api on the same origin', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'"),
          }),
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
          }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: Match.objectLike({ ReferrerPolicy: 'strict-origin-when-cross-origin' }),
        }),
      },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/api/*', AllowedMethods: Match.arrayWith(['POST', 'DELETE']) }),
        ],
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp("request.uri = '/index.html'"),
    });
  });

  it('has an SES configuration set and a scheduler group with a dead-letter queue', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'stagematching.example' });
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'stagematching-2026-2027' });
    // The recurring escalations run hourly in Brussels time with the scheduled time as their clock.
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'escalations-hourly',
      ScheduleExpression: 'cron(5 * * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
      Target: Match.objectLike({
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
      }),
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it("runs the round mailings on a one-minute tick in the year's group: notify target, retries, DLQ", () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')) as {
      Properties: Record<string, unknown> & { Target: Record<string, unknown> };
    }[];
    // One recurring-schedule mechanism: the mailings tick beside the hourly escalations and the
    // weekly outcome reminders.
    expect(schedules.map((s) => s.Properties.Name).sort()).toEqual([
      'escalations-hourly',
      'outcome-reminders-weekly',
      'retention-daily',
      'round-mailings-tick',
    ]);
    const notify = Object.keys(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: 'Round start, close and reminder mailings' },
      }),
    );
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    const { Properties: tick } = schedules.find((s) => s.Properties.Name === 'round-mailings-tick')!;
    expect(tick).toMatchObject({
      Name: 'round-mailings-tick',
      GroupName: 'stagematching-2026-2027',
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
    });
    expect(tick.Target).toMatchObject({
      Arn: { 'Fn::GetAtt': [notify[0], 'Arn'] },
      Input: JSON.stringify({ kind: 'tick', scheduledTime: '<aws.scheduler.scheduled-time>' }),
      RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
    });
    const dlq = (tick.Target.DeadLetterConfig as { Arn: { 'Fn::GetAtt': string[] } }).Arn['Fn::GetAtt'][0];
    expect(queues).toContain(dlq);
  });
});

describe('accounts in AWS', () => {
  it('invites the first admin on deploy through a custom resource', () => {
    template.hasResourceProperties('AWS::CloudFormation::CustomResource', {
      AdminEmail: 'beheer@vivo.example',
    });
  });

  it('ships the common-password list beside every function bundle', () => {
    const functions = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x' } }),
    );
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions as { Properties: { Code: { S3Key: unknown } } }[]) {
      const key = JSON.stringify(fn.Properties.Code.S3Key);
      const hash = /([0-9a-f]{64})\.zip/.exec(key)?.[1];
      expect(hash, key).toBeDefined();
      expect(existsSync(join(assemblyDir, `asset.${hash}`, 'common-passwords.txt'))).toBe(true);
    }
  });

  it('gives the app URL for links only to functions that send mail', () => {
    for (const route of routes) {
      const { env } = lambdaOf(route.id);
      expect(env.APP_URL !== undefined, route.id).toBe(route.resources.includes('mail:send' as never));
    }
    expect(Object.keys(firstAdminEnv())).toContain('APP_URL');
  });
});

describe('grants and settings per function', () => {
  it('gives each function exactly the settings of its permission set, which holds what each of its routes declares', () => {
    for (const route of routes) {
      expect(setOf(route.id), route.id).toEqual(expect.arrayContaining([...route.resources]));
      expect(Object.keys(lambdaOf(route.id).env).sort(), route.id).toEqual(
        expectedEnv(setOf(route.id)).sort(),
      );
    }
  });

  it("gives a role its permission set's access: table:write functions write the table, table:read functions only read it", () => {
    const writes = [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
    ];
    for (const route of routes) {
      const declares = (r: string) => setOf(route.id).includes(r);
      const onTable = tableActions(lambdaOf(route.id).role);
      expect(
        writes.every((a) => onTable.includes(a)),
        route.id,
      ).toBe(declares('table:write'));
      expect(
        onTable.some((a) => writes.includes(a)),
        route.id,
      ).toBe(declares('table:write'));
      expect(onTable.includes('dynamodb:Query'), route.id).toBe(
        declares('table:read') || declares('table:write'),
      );
    }
    // A read-only route and a writing route by name, to show the difference plainly.
    expect(tableActions(lambdaOf('students-list').role)).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']),
    );
    expect(tableActions(lambdaOf('students-list').role).filter((a) => writes.includes(a))).toEqual([]);
    expect(tableActions(lambdaOf('students-stop').role)).toEqual(expect.arrayContaining(writes));
  });

  it("gives the 12:00 hot path's function the union of its routes' resources and nothing else", () => {
    const hot = lambdaOf('requests-list');
    for (const id of HOT_PATH_ROUTES) expect(lambdaOf(id).role, id).toBe(hot.role);
    // The detail decrypts, the decision writes; no mail, no logins, no exports.
    expect(hot.actions).toEqual(
      expect.arrayContaining(['kms:Decrypt', 'dynamodb:Query', 'dynamodb:PutItem']),
    );
    expect(hot.actions.filter((a) => /^(ses|sesv2|cognito-idp|s3|lambda):/.test(a))).toEqual([]);
    expect(hot.actions).not.toContain('kms:GenerateDataKey');
    // It shares its function with no other route.
    expect(
      groupOf(groups, 'requests-list')
        .routes.map((r) => r.id)
        .sort(),
    ).toEqual([...HOT_PATH_ROUTES].sort());
  });

  it('keeps the students list away from mail, logins and the personal-data key', () => {
    const { env, actions } = lambdaOf('students-list');
    for (const name of [
      'MAIL_FROM',
      'SES_CONFIGURATION_SET',
      'APP_URL',
      'USER_POOL_ID',
      'USER_POOL_CLIENT_ID',
    ])
      expect(env).not.toHaveProperty(name);
    expect(env).toMatchObject({ TABLE_NAME: expect.anything(), SCHOOL_YEAR: '2026-2027' });
    expect(actions.filter((a) => /^(ses|sesv2|cognito-idp|kms|s3):/.test(a))).toEqual([]);
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toContain('dynamodb:PutItem');
  });

  it('lets only the functions of routes that declare it send mail or manage logins', () => {
    for (const route of routes) {
      const { actions } = lambdaOf(route.id);
      const declares = (r: string) => (route.resources as readonly string[]).includes(r);
      expect(actions.includes('ses:SendEmail'), route.id).toBe(declares('mail:send'));
      expect(
        actions.some((a) => a.startsWith('cognito-idp:')),
        route.id,
      ).toBe(declares('users:admin'));
    }
    // Signing in is InitiateAuth, which IAM does not govern: the login route needs the client id only.
    expect(lambdaOf('login').env).toHaveProperty('USER_POOL_CLIENT_ID');
    expect(lambdaOf('login').env).not.toHaveProperty('USER_POOL_ID');
    // Starting an export is an asynchronous invoke of the export job, nothing more.
    expect(lambdaOf('exports-start').actions).toContain('lambda:InvokeFunction');
    expect(lambdaOf('exports-start').actions.some((a) => a.startsWith('s3:'))).toBe(false);
    expect(lambdaOf('members-deactivate').actions).toEqual(
      expect.arrayContaining(['cognito-idp:AdminDisableUser']),
    );
  });
});

describe('one IAM role per permission set', () => {
  const keyOf = (resources: readonly string[]) => permissionSetOf(resources as never).join(',');

  it('lets functions with the same permission set share one role, and no other function', () => {
    const rolesBySet = new Map<string, Set<string>>();
    for (const route of routes) {
      const key = keyOf(setOf(route.id));
      rolesBySet.set(key, (rolesBySet.get(key) ?? new Set()).add(lambdaOf(route.id).role));
    }
    for (const [set, roles] of rolesBySet) expect([...roles], set).toHaveLength(1);
    const roles = [...rolesBySet.values()].map((r) => [...r][0]);
    expect(new Set(roles).size).toBe(rolesBySet.size);
    // The order of the declared resources does not matter.
    expect(lambdaOf('login').role).toBe(lambdaOf('refresh').role);
    expect(lambdaOf('students-list').role).toBe(lambdaOf('organisations-list').role);
    expect(lambdaOf('students-stop').role).toBe(lambdaOf('contacts-create').role);
    expect(lambdaOf('students-list').role).not.toBe(lambdaOf('students-stop').role);
  });

  it('makes one role per permission set for all product functions, not one per function', () => {
    const productFunctions = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x' } }),
    ) as { Properties: { Role: { 'Fn::GetAtt': [string, string] } } }[];
    const roles = new Set(productFunctions.map((fn) => fn.Properties.Role['Fn::GetAtt'][0]));
    const sets = new Set([
      ...groups.map((g) => keyOf(g.resources)),
      ...jobs.map((j) => keyOf(j.resources)),
      keyOf(['table:write', 'users:admin', 'mail:send']), // the first-admin invitation
      keyOf([]), // the origin guard: its logs only
      'year-opening', // reads last year's table too: a role of its own (infra/lib/year-opening.ts)
    ]);
    expect(roles.size).toBe(sets.size);
    // Each role has its one policy: the product's roles cost two resources per set.
    for (const role of roles) {
      const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
        JSON.stringify((p as { Properties: { Roles: unknown[] } }).Properties.Roles).includes(
          JSON.stringify({ Ref: role }),
        ),
      );
      expect(policies, role).toHaveLength(1);
    }
  });
});

/** The settings a function gets for its resources, as `shared/platform/config.ts` and friends read them. */
function expectedEnv(resources: readonly string[]): string[] {
  const env = new Set(['POWERTOOLS_SERVICE_NAME']);
  const add = (...names: string[]) => {
    for (const name of names) env.add(name);
  };
  for (const resource of resources) {
    if (resource.startsWith('table:')) add('TABLE_NAME', 'SCHOOL_YEAR', 'YEARS_TABLE');
    if (resource === 'years:write') add('SCHOOL_YEAR', 'YEARS_TABLE');
    if (resource === 'exports:start') add('EXPORT_FUNCTION_NAME');
    else if (resource.startsWith('exports:')) add('EXPORT_BUCKET');
    if (resource.startsWith('pii:')) add('PII_KMS_KEY_ID');
    if (resource === 'mail:send') add('MAIL_FROM', 'SES_CONFIGURATION_SET', 'APP_URL');
    if (resource === 'users:admin') add('USER_POOL_ID');
    if (resource === 'users:login') add('USER_POOL_CLIENT_ID');
  }
  return [...env];
}

type Statement = { Action: string | string[]; Resource: unknown };
type LambdaResource = {
  Properties: {
    Environment: { Variables: Record<string, unknown> };
    Role: { 'Fn::GetAtt': [string, string] };
  };
};
type PolicyResource = { Properties: { Roles: unknown[]; PolicyDocument: { Statement: Statement[] } } };

const actionsOf = (statements: Statement[]) =>
  statements.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));

/** Every statement of the policies attached to a role (by its logical id). */
function statementsOf(roleId: string): Statement[] {
  return (Object.values(template.findResources('AWS::IAM::Policy')) as PolicyResource[])
    .filter((p) => p.Properties.Roles.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

/** The actions a role may take on the table (or its indexes). */
function tableActions(roleId: string): string[] {
  const [table] = Object.keys(template.findResources('AWS::DynamoDB::Table'));
  return actionsOf(statementsOf(roleId).filter((st) => JSON.stringify(st.Resource).includes(`"${table}"`)));
}

/** The Lambda that serves a route: its environment, its role and every IAM action that role may take. */
function lambdaOf(routeId: string): { env: Record<string, unknown>; role: string; actions: string[] } {
  const prefix = `Api${pascal(groupOf(groups, routeId).id)}`;
  const [fn, ...others] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
    new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id),
  );
  expect(fn, routeId).toBeDefined();
  expect(others).toEqual([]);
  const { Environment, Role } = (fn![1] as LambdaResource).Properties;
  const role = Role['Fn::GetAtt'][0];
  return { env: Environment.Variables, role, actions: actionsOf(statementsOf(role)) };
}

describe('data migrations on deploy', () => {
  it('runs every migration of the list through a custom resource whose property changes with the list', () => {
    const [fn] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
      /^Migrate[0-9A-F]{8}$/.test(id),
    );
    expect(fn).toBeDefined();
    const resources = Object.values(template.findResources('AWS::CloudFormation::CustomResource')).filter(
      (r) => (r as { Properties: { Migrations?: string } }).Properties.Migrations !== undefined,
    ) as { Properties: { Migrations: string; ServiceToken: unknown } }[];
    expect(resources).toHaveLength(1);
    expect(resources[0]!.Properties.Migrations).toBe(migrationNames().join(','));
    expect(resources[0]!.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [fn![0], 'Arn'] });
    // It writes the table, and only the table.
    const role = (fn![1] as LambdaResource).Properties.Role['Fn::GetAtt'][0];
    const actions = actionsOf(statementsOf(role));
    expect(actions).toContain('dynamodb:UpdateItem');
    expect(actions.filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('logs:'))).toEqual([]);
  });
});

function firstAdminEnv(): Record<string, unknown> {
  const [fn] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
    /^FirstAdmin[0-9A-F]{8}$/.test(id),
  );
  return (fn![1] as LambdaResource).Properties.Environment.Variables;
}

describe('the edge (hardening 12)', () => {
  const routeResource = (routeKey: string) => {
    const found = Object.values(
      template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }),
    ) as { Properties: Record<string, unknown> }[];
    expect(found, routeKey).toHaveLength(1);
    return found[0]!.Properties;
  };
  const authorizers = () =>
    Object.entries(template.findResources('AWS::ApiGatewayV2::Authorizer')) as [
      string,
      { Properties: Record<string, unknown> },
    ][];

  it('accepts only access tokens of the web client on routes with a login', () => {
    const [jwt, ...otherJwt] = authorizers().filter(([, a]) => a.Properties.AuthorizerType === 'JWT');
    expect(otherJwt).toEqual([]);
    expect(jwt![1].Properties).toMatchObject({
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: expect.stringMatching(/^AuthUsersWeb/) }],
        Issuer: expect.anything(),
      },
    });
    for (const route of routes.filter((r) => !r.public)) {
      // ID tokens have no scope claim; every access token from InitiateAuth carries this one.
      expect(routeResource(`${route.method} ${route.path}`)).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: jwt![0] },
        AuthorizationScopes: ['aws.cognito.signin.user.admin'],
      });
    }
  });

  it('lets public routes be reached only with the origin header CloudFront adds', () => {
    const [guard, ...otherGuards] = authorizers().filter(
      ([, a]) => a.Properties.AuthorizerType === 'REQUEST',
    );
    expect(otherGuards).toEqual([]);
    expect(guard![1].Properties).toMatchObject({
      IdentitySource: ['$request.header.x-origin-verify'],
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 300,
    });
    for (const route of routes.filter((r) => r.public)) {
      expect(routeResource(`${route.method} ${route.path}`)).toMatchObject({
        AuthorizationType: 'CUSTOM',
        AuthorizerId: { Ref: guard![0] },
      });
    }

    // CloudFront sends the secret to the API origin; the authorizer knows the same secret. Both
    // come from Secrets Manager at deploy time, never from the template itself.
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
    });
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: {
        DistributionConfig: { Origins: { CustomOriginConfig?: unknown; OriginCustomHeaders?: unknown[] }[] };
      };
    }[];
    const apiOrigin = distribution!.Properties.DistributionConfig.Origins.find((o) => o.CustomOriginConfig);
    const [header] = apiOrigin!.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];
    expect(header!.HeaderName).toBe('x-origin-verify');
    expect(JSON.stringify(header!.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:/);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Lets only requests through CloudFront reach the public API routes',
      Environment: { Variables: Match.objectLike({ ORIGIN_VERIFY: header!.HeaderValue }) },
    });
  });

  it('keeps the default endpoint, which CloudFront needs without a custom domain', () => {
    const [api] = Object.values(template.findResources('AWS::ApiGatewayV2::Api')) as {
      Properties: { DisableExecuteApiEndpoint?: boolean };
    }[];
    expect(api!.Properties.DisableExecuteApiEndpoint).not.toBe(true);
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
  });

  it('lets the web client sign in only through the API: no OAuth flows or scopes, no implicit grant', () => {
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient')) as {
      Properties: Record<string, unknown>;
    }[];
    expect(client!.Properties.ExplicitAuthFlows).toEqual([
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ]);
    expect(client!.Properties.AllowedOAuthFlowsUserPoolClient).not.toBe(true);
    expect(client!.Properties.AllowedOAuthFlows).toBeUndefined();
    expect(client!.Properties.AllowedOAuthScopes).toBeUndefined();
    expect(client!.Properties.CallbackURLs).toBeUndefined();
  });

  it('sizes login and refresh for 150 services at 12:00', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: {
        RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
      };
    };
    const refresh = stage.Properties.RouteSettings['POST /api/auth/refresh']!;
    const login = stage.Properties.RouteSettings['POST /api/auth/login']!;
    expect(refresh.ThrottlingRateLimit).toBeGreaterThanOrEqual(150);
    expect(refresh.ThrottlingBurstLimit).toBeGreaterThanOrEqual(300);
    expect(login.ThrottlingBurstLimit).toBeGreaterThanOrEqual(150);
    // The other account routes stay tight: password guessing and mail bombing happen there.
    expect(stage.Properties.RouteSettings['POST /api/auth/forgot-password']).toMatchObject({
      ThrottlingRateLimit: 10,
    });
  });

  it('puts a web ACL with per-IP rate limits and the AWS common rules in front of CloudFront', () => {
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'AuthRatePerIp',
          Statement: {
            RateBasedStatement: Match.objectLike({
              AggregateKeyType: 'IP',
              Limit: WAF_LIMITS.authPerIp,
              ScopeDownStatement: {
                ByteMatchStatement: Match.objectLike({
                  SearchString: '/api/auth/',
                  PositionalConstraint: 'STARTS_WITH',
                }),
              },
            }),
          },
        }),
        Match.objectLike({
          Name: 'RatePerIp',
          Action: { Block: Match.objectLike({ CustomResponse: Match.objectLike({ ResponseCode: 429 }) }) },
          Statement: {
            RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP', Limit: WAF_LIMITS.perIp }),
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
            }),
          },
        }),
      ]),
    });
    // The ACL lives in us-east-1; the distribution reads its ARN from the edge stack's outputs.
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: { WebACLId: unknown } };
    }[];
    expect(distribution!.Properties.DistributionConfig.WebACLId).toMatchObject({
      'Fn::GetStackOutput': { StackName: 'Stagematching-2026-2027-Edge', Region: 'us-east-1' },
    });
  });

  it('makes the web ACL only in us-east-1', () => {
    expect(
      () => new EdgeStack(new App(), 'Elsewhere', { schoolYear: '2026-2027', env: { region: 'eu-west-1' } }),
    ).toThrow(/us-east-1/);
  });

  it('never logs query strings, tokens or cookies', () => {
    // CloudFront standard logs would record query strings and Referers: off.
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
      Properties: { DistributionConfig: { Logging?: unknown } };
    }[];
    expect(distribution!.Properties.DistributionConfig.Logging).toBeUndefined();
    // The web ACL logs every request instead, with the secrets redacted.
    edge.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: Match.arrayWith([
        { QueryString: {} },
        { SingleHeader: { Name: 'authorization' } },
        { SingleHeader: { Name: 'cookie' } },
        { SingleHeader: { Name: 'referer' } },
      ]),
    });
    edge.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-'),
    });
    // API Gateway logs the route template, never the path or query string of the request.
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: { AccessLogSettings: { Format: string } };
    };
    const format = stage.Properties.AccessLogSettings.Format;
    expect(format).toContain('$context.routeKey');
    expect(format).not.toMatch(/\$context\.(path|resourcePath|requestOverride)|querystring|identity/i);
  });
});

describe('the origin-verify authorizer', () => {
  const event = (headers: Record<string, string>) => ({ headers }) as never;

  it('lets through only the secret CloudFront sends', async () => {
    process.env.ORIGIN_VERIFY = 'the-secret-value';
    const { handler } = await import('../../functions/edge/origin-verify');
    expect(await handler(event({ 'x-origin-verify': 'the-secret-value' }))).toEqual({ isAuthorized: true });
    expect(await handler(event({ 'x-origin-verify': 'the-secret-valuf' }))).toEqual({ isAuthorized: false });
    expect(await handler(event({ 'x-origin-verify': 'the-secret' }))).toEqual({ isAuthorized: false });
    expect(await handler(event({}))).toEqual({ isAuthorized: false });
  });
});

describe('personal data', () => {
  it('is sealed with a rotating KMS key that only the functions of routes with personal data may use', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const kmsActions = (routeId: string) =>
      lambdaOf(routeId)
        .actions.filter((a) => a.startsWith('kms:'))
        .sort();
    // Create opens the table's blind-index key (same national register number twice, issue 10).
    expect(kmsActions('students-create')).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(kmsActions('students-get')).toContain('kms:Decrypt');
    expect(kmsActions('students-list')).toEqual([]);
    expect(kmsActions('health')).toEqual([]);
    for (const route of routes) {
      const declaresPii = setOf(route.id).some((r) => r.startsWith('pii:'));
      expect(kmsActions(route.id).length > 0, route.id).toBe(declaresPii);
    }
  });
});

describe('cdk-nag as a gate', () => {
  it('fails the synth on an unacknowledged finding', () => {
    const app = new App();
    const stack = new Stack(app, 'Careless');
    new Bucket(stack, 'Open');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });
});
