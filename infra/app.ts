import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { assertSchoolYear } from '#platform/table/table';
import { buildWeb, defaultOutDir } from '../web/build';
import { jobs } from './jobs';
import { EXAMPLE_HELPLINE } from './lib/mail';
import { definePlatform } from './lib/platform-stack';
import { defineSchoolYear } from './lib/stack';

/**
 * `npx cdk synth -c schoolYear=2026-2027`: one school year is its stack (in `region`, default
 * eu-west-1) plus a small edge stack in us-east-1 for the CloudFront web ACL and a monitoring
 * stack whose alarms mail `-c alarmEmail=...`, beside the platform stack that outlives the years
 * (user pool, registry of years). With `-c domain=…` the address stacks come along:
 * `-c currentYear=…` is the year it serves (required with a domain), `-c years=…` the other years
 * it keeps reachable at their sub-domain (docs/operations.md, "Deploying a school year"). The account is left
 * open on purpose, so that synth works offline without credentials; deploy picks the account from
 * the AWS profile in use.
 */
const app = new App();
// Every synth and deploy names its year (no default that would go stale): -c schoolYear=2027-2028.
const schoolYear = assertSchoolYear(String(app.node.tryGetContext('schoolYear') ?? ''));
const mailFrom = String(
  app.node.tryGetContext('mailFrom') ?? 'Stagematching <no-reply@stagematching.example>',
);
// The helpline under every mail and on the help page: -c helplineEmail=… -c helplinePhone=… -c helplineHours=….
const helpline = {
  email: String(app.node.tryGetContext('helplineEmail') ?? EXAMPLE_HELPLINE.email),
  phone: String(app.node.tryGetContext('helplinePhone') ?? EXAMPLE_HELPLINE.phone),
  hours: String(app.node.tryGetContext('helplineHours') ?? EXAMPLE_HELPLINE.hours),
};
const adminEmail = app.node.tryGetContext('adminEmail') as string | undefined;
const alarmEmail = app.node.tryGetContext('alarmEmail') as string | undefined;
const warmContext = app.node.tryGetContext('warmConcurrency') as string | number | undefined;
const warmConcurrency = warmContext === undefined ? undefined : Number(warmContext);
const region = String(app.node.tryGetContext('region') ?? 'eu-west-1');
const context = (name: string) => (app.node.tryGetContext(name) as string | undefined) || undefined;
const domain = context('domain');
// Which year the address serves is always said out loud: a deploy of a new year must not switch.
const currentYear = context('currentYear') ?? (domain ? '' : schoolYear);
if (domain && !currentYear) {
  throw new Error('With -c domain, say which year the address serves: -c currentYear=<the running year>');
}
assertSchoolYear(currentYear);
const otherYears = (context('years') ?? '').split(',').filter(Boolean);
const hostedZoneId = context('hostedZoneId');

// The stack ships the web app it was synthesised with: build it first so it is never stale.
await buildWeb({ quiet: true });

const { platform, address } = definePlatform(app, {
  region,
  domain,
  certificateArn: context('certificateArn'),
  hostedZone: hostedZoneId
    ? { id: hostedZoneId, name: context('hostedZoneName') ?? domain ?? '' }
    : undefined,
  currentYear,
  otherYears,
  tags: { project: 'stagematching' },
});

const year = defineSchoolYear(app, {
  schoolYear,
  platform,
  domain,
  region,
  mailFrom,
  helpline,
  adminEmail,
  alarmEmail,
  warmConcurrency,
  webAssetPath: defaultOutDir,
  jobs,
  description: `Stagematching gezinszorg, school year ${schoolYear}`,
  tags: { project: 'stagematching', schoolYear },
});
// The address reads how to reach a year from what that year's stack publishes: deploy the year first.
if (address && [currentYear, ...otherYears].includes(schoolYear)) address.addStackDependency(year.schoolYear);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
