import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../web/build';
import { jobs } from '../jobs';
import { type AddressStack, stackNames } from '../lib/address';
import { definePlatform } from '../lib/platform-stack';
import { defineSchoolYear } from '../lib/stack';

/**
 * Two school years side by side on one platform, behind one address: the platform's user pool and
 * registry, each year's own stack, and the address switching between them. Functions are not
 * bundled here (the synth of one year in stack.test.ts bundles every one); the wiring is the point.
 */
const DOMAIN = 'stagematching.example.be';
const ZONE = { id: 'Z0123456789ABC', name: 'example.be' };

let webAssetPath: string;
let synthError: unknown;
let templates: Record<string, Template>;
let addressAnnotations: Annotations;

function appWith(currentYear: string) {
  const app = new App({
    context: {
      '@aws-cdk/core:defaultCrossStackReferences': 'weak',
      // No bundling: asset hashes and handlers do not matter to the wiring tested here.
      'aws:cdk:bundling-stacks': [],
    },
  });
  const { platform, address, edge } = definePlatform(app, {
    region: 'eu-west-1',
    domain: DOMAIN,
    hostedZone: ZONE,
    currentYear,
    otherYears: ['2026-2027', '2027-2028'],
  });
  const years = ['2026-2027', '2027-2028'].map((schoolYear) =>
    defineSchoolYear(app, {
      schoolYear,
      region: 'eu-west-1',
      mailFrom: 'Stagematching <no-reply@stagematching.example>',
      webAssetPath,
      jobs,
      platform,
      domain: DOMAIN,
    }),
  );
  for (const year of years) address!.addStackDependency(year.schoolYear);
  return { app, platform, address: address as AddressStack, edge: edge!, years };
}

beforeAll(async () => {
  webAssetPath = join(mkdtempSync(join(tmpdir(), 'web-')), 'dist');
  await buildWeb({ quiet: true, outDir: webAssetPath });
  const built = appWith('2027-2028');
  Validations.of(built.app).addPlugins(new AwsSolutionsChecks(built.app));
  try {
    built.app.synth();
  } catch (error) {
    synthError = error;
  }
  addressAnnotations = Annotations.fromStack(built.address);
  const rolledBack = appWith('2026-2027');
  templates = {
    platform: Template.fromStack(built.platform),
    edge: Template.fromStack(built.edge),
    address: Template.fromStack(built.address),
    addressBefore: Template.fromStack(rolledBack.address),
    first: Template.fromStack(built.years[0]!.schoolYear),
    next: Template.fromStack(built.years[1]!.schoolYear),
  };
});

const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as [string, { Properties: Record<string, unknown> }][];

describe('two school years on one platform', () => {
  it('synthesises both years, the platform and the address, with cdk-nag satisfied', () => {
    expect(synthError).toBeUndefined();
    addressAnnotations.hasNoWarning('*', Match.anyValue());
  });

  it('keeps the user pool and the registry of years in the long-lived platform stack', () => {
    templates.platform!.resourceCountIs('AWS::Cognito::UserPool', 1);
    templates.platform!.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ TableName: 'stagematching-years', DeletionProtectionEnabled: true }),
      DeletionPolicy: 'Retain',
    });
    for (const year of [templates.first!, templates.next!]) {
      // A year has no pool of its own: its API checks tokens of the platform's pool.
      year.resourceCountIs('AWS::Cognito::UserPool', 0);
      const [[, jwt]] = resourcesOf(year, 'AWS::ApiGatewayV2::Authorizer').filter(
        ([, a]) => a.Properties.AuthorizerType === 'JWT',
      ) as [[string, { Properties: { JwtConfiguration: { Issuer: unknown } } }]];
      expect(JSON.stringify(jwt.Properties.JwtConfiguration.Issuer)).toContain(stackNames.platform);
    }
  });

  it('gives each year its own table, export bucket parameters and schedules, side by side', () => {
    templates.first!.hasResourceProperties('AWS::DynamoDB::Table', { TableName: 'stagematching-2026-2027' });
    templates.next!.hasResourceProperties('AWS::DynamoDB::Table', { TableName: 'stagematching-2027-2028' });
    templates.next!.hasResourceProperties('AWS::Scheduler::ScheduleGroup', {
      Name: 'stagematching-2027-2028',
    });
    for (const [template, year] of [
      [templates.first!, '2026-2027'],
      [templates.next!, '2027-2028'],
    ] as const) {
      for (const name of ['web-bucket', 'api-domain', 'origin-secret', 'open-year']) {
        template.hasResourceProperties('AWS::SSM::Parameter', {
          Name: `/stagematching/${year}/address/${name}`,
        });
      }
    }
  });

  it("opens each year on deploy, reading last year's table and no other", () => {
    templates.next!.hasResourceProperties('AWS::CloudFormation::CustomResource', {
      SchoolYear: '2027-2028',
      From: '2026-2027',
    });
    const policies = JSON.stringify(templates.next!.findResources('AWS::IAM::Role'));
    expect(policies).toContain('table/stagematching-2026-2027');
    expect(policies).not.toContain('table/stagematching-2025-2026');
  });

  it('serves the current year at the one address, every year at its sub-domain, behind the WAF with TLS 1.2', () => {
    const distributions = resourcesOf(templates.address!, 'AWS::CloudFront::Distribution').map(
      ([, d]) =>
        d.Properties.DistributionConfig as {
          Aliases: string[];
          ViewerCertificate: Record<string, unknown>;
          WebACLId: unknown;
        },
    );
    expect(distributions.map((d) => d.Aliases).sort()).toEqual([
      [`2026-2027.${DOMAIN}`],
      [`2027-2028.${DOMAIN}`],
      [DOMAIN],
    ]);
    for (const d of distributions) {
      expect(d.ViewerCertificate).toMatchObject({
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
      expect(JSON.stringify(d.ViewerCertificate.AcmCertificateArn)).toContain(`${stackNames.address}-Edge`);
      expect(JSON.stringify(d.WebACLId)).toContain(`${stackNames.address}-Edge`);
    }
    templates.address!.resourceCountIs('AWS::Route53::RecordSet', 6);
    templates.address!.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: `${DOMAIN}.`,
      Type: 'A',
      HostedZoneId: ZONE.id,
    });
    templates.edge!.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: DOMAIN,
      SubjectAlternativeNames: [`*.${DOMAIN}`],
      ValidationMethod: 'DNS',
    });
  });

  it('switches the address by changing the origins of the same distribution, and rolls back the same way', () => {
    const main = (template: Template) => {
      const [[id, resource]] = resourcesOf(template, 'AWS::CloudFront::Distribution').filter(([, d]) =>
        (d.Properties.DistributionConfig as { Aliases: string[] }).Aliases.includes(DOMAIN),
      ) as [[string, { Properties: unknown }]];
      return { id, config: JSON.stringify(resource.Properties) };
    };
    const parameters = (template: Template) => JSON.stringify(template.toJSON().Parameters);
    const after = main(templates.address!);
    const before = main(templates.addressBefore!);
    expect(after.id).toBe(before.id);
    expect(after.id).toMatch(/^Main/);
    expect(after.config).not.toBe(before.config);
    expect(parameters(templates.address!)).toContain('/stagematching/2027-2028/address/web-bucket');
    // The switch opens the new year at the address (a prepared year becomes current, carry-over again).
    templates.address!.hasResourceProperties('AWS::CloudFormation::CustomResource', {
      SchoolYear: '2027-2028',
      Switch: 'true',
    });
    templates.addressBefore!.hasResourceProperties('AWS::CloudFormation::CustomResource', {
      SchoolYear: '2026-2027',
      Switch: 'true',
    });
    // The API still gets the origin guard's secret, resolved by CloudFormation, never written down.
    expect(after.config).toContain('{{resolve:secretsmanager:');
    expect(after.config).toContain('x-origin-verify');
  });

  it('points mail links at the one address', () => {
    const functions = JSON.stringify(templates.next!.findResources('AWS::Lambda::Function'));
    expect(functions).toContain(`"APP_URL":"https://${DOMAIN}"`);
  });
});
