import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#http/routes';
import { buildWeb } from '../../web/build';
import { StagematchingStack, stackNameFor } from '../lib/stack';

let template: Template;
let synthError: unknown;
let assemblyDir: string;

beforeAll(async () => {
  const webAssetPath = join(mkdtempSync(join(tmpdir(), 'web-')), 'dist');
  await buildWeb({ quiet: true, outDir: webAssetPath });
  const app = new App({ context: { schoolYear: '2026-2027' } });
  const stack = new StagematchingStack(app, stackNameFor('2026-2027'), {
    schoolYear: '2026-2027',
    mailFrom: 'Stagematching <no-reply@stagematching.example>',
    adminEmail: 'beheer@vivo.example',
    webAssetPath,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    assemblyDir = app.synth().directory;
  } catch (error) {
    synthError = error;
  }
  template = Template.fromStack(stack);
});

describe('the school-year stack', () => {
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

  it('has one Node 22 arm64 Lambda per route, plus notify and export', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'] },
    });
    // Every route, plus notify, the outcome reminders, export and the first-admin invitation.
    expect(Object.keys(functions)).toHaveLength(routes.length + 4);
    for (const route of routes) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: route.public ? 'NONE' : 'JWT',
      });
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
  });

  it('logs API access and throttles every route', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: { AccessLogSettings: { DestinationArn: unknown }; RouteSettings: Record<string, unknown> };
    };
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    for (const route of routes) {
      expect(stage.Properties.RouteSettings[`${route.method} ${route.path}`]).toMatchObject({
        ThrottlingRateLimit: expect.any(Number),
        ThrottlingBurstLimit: expect.any(Number),
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
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 3, Status: 'Enabled' })] },
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
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
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
      template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }),
    );
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions as { Properties: { Code: { S3Key: unknown } } }[]) {
      const key = JSON.stringify(fn.Properties.Code.S3Key);
      const hash = /([0-9a-f]{64})\.zip/.exec(key)?.[1];
      expect(hash, key).toBeDefined();
      expect(existsSync(join(assemblyDir, `asset.${hash}`, 'common-passwords.txt'))).toBe(true);
    }
  });

  it('gives every function the app URL for links in mails', () => {
    const functions = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } }),
    );
    for (const fn of functions as { Properties: { Environment: { Variables: Record<string, unknown> } } }[]) {
      expect(fn.Properties.Environment.Variables.APP_URL).toBeDefined();
    }
  });
});

describe('personal data', () => {
  it('is sealed with a rotating KMS key that only the student routes may use', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const policies = Object.entries(template.findResources('AWS::IAM::Policy'));
    const kmsActions = (name: string) =>
      policies
        .filter(([id]) => id.startsWith(name))
        .flatMap(
          ([, p]) =>
            (p as { Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } } })
              .Properties.PolicyDocument.Statement,
        )
        .flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]))
        .filter((a) => a.startsWith('kms:'));
    expect(kmsActions('ApiStudentsCreateRole')).toEqual(['kms:GenerateDataKey']);
    expect(kmsActions('ApiStudentsGetRole')).toContain('kms:Decrypt');
    expect(kmsActions('ApiStudentsListRole')).toEqual([]);
    expect(kmsActions('ApiHealthRole')).toEqual([]);
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
