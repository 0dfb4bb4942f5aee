import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { assertSchoolYear } from '#platform/table/table';
import { buildWeb, defaultOutDir } from '../web/build';
import { jobs } from './jobs';
import { defineSchoolYear } from './lib/stack';

/**
 * `npx cdk synth -c schoolYear=2026-2027`: one school year is its stack (in `region`, default
 * eu-west-1) plus a small edge stack in us-east-1 for the CloudFront web ACL and a monitoring
 * stack beside it whose alarms mail `-c alarmEmail=...`. The account is left
 * open on purpose, so that synth works offline without credentials; deploy picks the account from
 * the AWS profile in use.
 */
const app = new App();
const schoolYear = assertSchoolYear(String(app.node.tryGetContext('schoolYear') ?? ''));
const mailFrom = String(
  app.node.tryGetContext('mailFrom') ?? 'Stagematching <no-reply@stagematching.example>',
);
const adminEmail = app.node.tryGetContext('adminEmail') as string | undefined;
const alarmEmail = app.node.tryGetContext('alarmEmail') as string | undefined;
const region = String(app.node.tryGetContext('region') ?? 'eu-west-1');

// The stack ships the web app it was synthesised with: build it first so it is never stale.
await buildWeb({ quiet: true });

defineSchoolYear(app, {
  schoolYear,
  region,
  mailFrom,
  adminEmail,
  alarmEmail,
  webAssetPath: defaultOutDir,
  jobs,
  description: `Stagematching gezinszorg, school year ${schoolYear}`,
  tags: { project: 'stagematching', schoolYear },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
