import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import type { Resource } from '#http/route-types';
import { Auth } from '../lib/auth';
import { Data } from '../lib/data';
import { FunctionAccess } from '../lib/grants';
import { Jobs } from '../lib/jobs';
import { Mail } from '../lib/mail';
import { acknowledgeReviewedFindings } from '../lib/nag-suppressions';
import { Schedules } from '../lib/schedules';

const everyResource: Resource[] = [
  'table:read',
  'table:write',
  'exports:read',
  'exports:write',
  'mail:send',
  'users:admin',
  'users:login',
  'pii:encrypt',
  'pii:decrypt',
];

function jobStack(schedules: { name: string; target: 'notify' }[]) {
  const app = new App();
  const stack = new Stack(app, 'Jobs');
  const data = new Data(stack, 'Data', { schoolYear: '2026-2027' });
  const auth = new Auth(stack, 'Auth');
  const mail = new Mail(stack, 'Mail', { mailFrom: 'Stagematching <no-reply@stagematching.example>' });
  mail.linkTo('https://app.example');
  const jobs = new Jobs(stack, 'Jobs', {
    access: new FunctionAccess(stack, 'Roles', { data, auth, mail }),
    // Any small entry will do: the test is about the wiring, not the job.
    jobs: [
      {
        id: 'notify',
        entry: 'functions/notify/round-mailing.ts',
        description: 'Test job',
        resources: everyResource,
      },
    ],
  });
  new Schedules(stack, 'Schedules', {
    schoolYear: '2026-2027',
    definitions: schedules.map((s) => ({ ...s, at: '2026-09-01T12:00:00', payload: {} })),
    targets: jobs.functions,
  });
  acknowledgeReviewedFindings(stack, { webBucket: data.logBucket, userPool: auth.userPool });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

describe('jobs: the extension point for background functions', () => {
  it('deploys one entry as a function with the grants and settings it declares, and schedules it', () => {
    const { app, stack } = jobStack([{ name: 'round-open', target: 'notify' }]);
    // Every grant's cdk-nag findings are acknowledged where the grant is made.
    expect(() => app.synth()).not.toThrow();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Test job',
      Environment: {
        Variables: {
          TABLE_NAME: Match.anyValue(),
          SCHOOL_YEAR: '2026-2027',
          EXPORT_BUCKET: Match.anyValue(),
          MAIL_FROM: 'Stagematching <no-reply@stagematching.example>',
          SES_CONFIGURATION_SET: Match.anyValue(),
          APP_URL: 'https://app.example',
          USER_POOL_ID: Match.anyValue(),
          USER_POOL_CLIENT_ID: Match.anyValue(),
          PII_KMS_KEY_ID: Match.anyValue(),
          POWERTOOLS_SERVICE_NAME: 'stagematching',
        },
      },
    });
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
  });

  it('refuses a schedule whose job is not deployed', () => {
    const stack = new Stack(new App(), 'Schedules');
    const definitions = [
      { name: 'round-open', target: 'notify' as const, at: '2026-09-01T12:00:00', payload: {} },
    ];
    expect(
      () => new Schedules(stack, 'Schedules', { schoolYear: '2026-2027', definitions, targets: new Map() }),
    ).toThrow(/does not deploy/);
  });
});
