import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionGroups } from '#http/function-groups';
import { routes } from '#http/routes';
import { jobs } from '../jobs';
import { defineSchoolYear } from '../lib/stack';

type Resource = { Type: string; Properties: Record<string, unknown> };
type AlarmProps = {
  AlarmName: string;
  Threshold: number;
  ComparisonOperator: string;
  EvaluationPeriods: number;
  TreatMissingData: string;
  AlarmActions: unknown[];
  OKActions: unknown[];
  MetricName?: string;
  Namespace?: string;
  Period?: number;
  Statistic?: string;
  ExtendedStatistic?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Metrics?: { Id: string; Expression?: string; MetricStat?: { Metric: { MetricName: string } } }[];
};

let monitoring: Template;
let year: Template;
let synthError: unknown;
let alarms: AlarmProps[];

const PREFIX = 'Stagematching 2026-2027: ';
const alarm = (title: string) => {
  const found = alarms.filter((a) => a.AlarmName === `${PREFIX}${title}`);
  expect(found, title).toHaveLength(1);
  return found[0]!;
};

beforeAll(() => {
  const webAssetPath = mkdtempSync(join(tmpdir(), 'web-'));
  writeFileSync(join(webAssetPath, 'index.html'), '<!doctype html>');
  const app = new App({
    context: {
      schoolYear: '2026-2027',
      '@aws-cdk/core:defaultCrossStackReferences': 'weak',
      // The wiring is under test, not the bundles: skip esbuild (stack.test.ts bundles them all).
      'aws:cdk:bundling-stacks': [],
    },
  });
  const stacks = defineSchoolYear(app, {
    schoolYear: '2026-2027',
    region: 'eu-west-1',
    mailFrom: 'Stagematching <no-reply@stagematching.example>',
    alarmEmail: 'wachtdienst@vivo.example',
    webAssetPath,
    jobs,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  monitoring = Template.fromStack(stacks.monitoring);
  year = Template.fromStack(stacks.schoolYear);
  alarms = Object.values(monitoring.findResources('AWS::CloudWatch::Alarm')).map(
    (r) => (r as Resource).Properties as AlarmProps,
  );
});

describe('the monitoring stack of a school year', () => {
  it('is its own stack beside the year, cdk-nag clean', () => {
    expect(synthError).toBeUndefined();
    const names = (Object.values(year.toJSON().Resources) as Resource[]).length;
    // The alarms live here, not in the year's stack.
    year.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(names).toBeGreaterThan(0);
  });

  it('sends every alarm, and its recovery, to one encrypted, TLS-only topic mailed to the operators', () => {
    const topics = monitoring.findResources('AWS::SNS::Topic');
    expect(Object.keys(topics)).toHaveLength(1);
    const [topicId, topic] = Object.entries(topics)[0]! as [string, Resource];
    expect(topic.Properties).toMatchObject({
      TopicName: 'stagematching-2026-2027-alarms',
      KmsMasterKeyId: expect.anything(),
    });
    monitoring.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    monitoring.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'wachtdienst@vivo.example',
      TopicArn: { Ref: topicId },
    });
    monitoring.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
    expect(alarms.length).toBeGreaterThan(10);
    for (const a of alarms) {
      expect(a.AlarmActions, a.AlarmName).toEqual([{ Ref: topicId }]);
      expect(a.OKActions, a.AlarmName).toEqual([{ Ref: topicId }]);
    }
  });

  it('lists the alarms of the year with their thresholds', () => {
    const productAlarms = alarms
      .filter((a) => !/: (errors in|throttles of) /.test(a.AlarmName))
      .map((a) => [a.AlarmName.slice(PREFIX.length), a.ComparisonOperator, a.Threshold])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(productAlarms).toEqual([
      ['API 5xx rate', 'GreaterThanOrEqualToThreshold', 1],
      ['dead letters in Schedules/DeadLetters', 'GreaterThanOrEqualToThreshold', 1],
      ['DynamoDB system errors', 'GreaterThanOrEqualToThreshold', 1],
      ['DynamoDB throttled requests', 'GreaterThanOrEqualToThreshold', 1],
      ['mail outbox backlog', 'GreaterThanOrEqualToThreshold', 900],
      ['mailings tick not running', 'LessThanThreshold', 1],
      ['p99 latency of GET /api/requests', 'GreaterThanThreshold', 1000],
      ['p99 latency of PUT /api/requests/{studentId}/decision', 'GreaterThanThreshold', 1000],
      ['SES bounce rate', 'GreaterThanOrEqualToThreshold', 0.02],
      ['SES complaint rate', 'GreaterThanOrEqualToThreshold', 0.0005],
    ]);
  });

  it('watches every function of the year for errors (3 in 5 minutes) and throttles (any)', () => {
    const functions = Object.keys(
      year.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x' } }),
    );
    // One per function group of the API, per job, the origin guard, the migrations and the year's opening.
    expect(functions.length).toBe(functionGroups(routes).length + jobs.length + 3);
    const errors = alarms.filter((a) => a.AlarmName.startsWith(`${PREFIX}errors in `));
    const throttles = alarms.filter((a) => a.AlarmName.startsWith(`${PREFIX}throttles of `));
    expect(errors).toHaveLength(functions.length);
    expect(throttles).toHaveLength(functions.length);
    for (const a of errors) {
      expect(a).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 300,
        Threshold: 3,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
    for (const a of throttles)
      expect(a).toMatchObject({ MetricName: 'Throttles', Period: 300, Threshold: 1 });
    // The alarm names the function by its place in the stack; the dimension is its deployed name.
    const list = alarm('errors in Api/Requests');
    expect(JSON.stringify(list.Dimensions)).toContain('Fn::GetStackOutput');
  });

  it('fires when the scheduler parks a job in the dead-letter queue', () => {
    expect(alarm('dead letters in Schedules/DeadLetters')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Period: 60,
    });
  });

  it('fires when the mailings tick stops (missing heartbeats count) or mail waits 15 minutes', () => {
    expect(alarm('mailings tick not running')).toMatchObject({
      Namespace: 'Stagematching',
      MetricName: 'MailingsTick',
      Dimensions: [
        { Name: 'schoolYear', Value: '2026-2027' },
        { Name: 'service', Value: 'stagematching' },
      ],
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 5,
      TreatMissingData: 'breaching',
    });
    expect(alarm('mail outbox backlog')).toMatchObject({
      Namespace: 'Stagematching',
      MetricName: 'OutboxOldestPendingAge',
      Statistic: 'Maximum',
      Threshold: 15 * 60,
    });
  });

  it("watches the API's 5xx rate and the p99 of the list and the decision, with traffic enough to judge", () => {
    const rate = alarm('API 5xx rate');
    expect(rate.Metrics?.find((m) => m.Expression)?.Expression).toBe(
      'IF(requests >= 20, 100 * errors / requests, 0)',
    );
    expect(
      rate.Metrics?.map((m) => m.MetricStat?.Metric.MetricName)
        .filter(Boolean)
        .sort(),
    ).toEqual(['5xx', 'Count']);
    for (const route of ['GET /api/requests', 'PUT /api/requests/{studentId}/decision']) {
      const latency = alarm(`p99 latency of ${route}`);
      expect(latency.Metrics?.find((m) => m.Expression)?.Expression).toBe('IF(requests >= 50, p99, 0)');
      expect(JSON.stringify(latency.Metrics)).toContain(`{"Name":"Route","Value":"${route}"}`);
      expect(JSON.stringify(latency.Metrics)).toContain('"Stat":"p99"');
      // API Gateway writes per-route metrics only for routes with detailed metrics on: these two.
      expect(routes.some((r) => `${r.method} ${r.path}` === route)).toBe(true);
    }
    const [stage] = Object.values(year.findResources('AWS::ApiGatewayV2::Stage')) as {
      Properties: { RouteSettings: Record<string, { DetailedMetricsEnabled?: boolean }> };
    }[];
    const detailed = Object.entries(stage!.Properties.RouteSettings)
      .filter(([, s]) => s.DetailedMetricsEnabled)
      .map(([key]) => key)
      .sort();
    expect(detailed).toEqual(['GET /api/requests', 'PUT /api/requests/{studentId}/decision']);
  });

  it("watches the table's throttles and system errors over the operations the product calls", () => {
    for (const title of ['DynamoDB throttled requests', 'DynamoDB system errors']) {
      const a = alarm(title);
      const metrics = (a.Metrics ?? []).filter((m) => m.MetricStat);
      expect(metrics.length).toBeGreaterThan(5);
      expect(metrics.length).toBeLessThanOrEqual(10);
      expect(JSON.stringify(metrics)).toContain('TransactWriteItems');
    }
  });

  it("watches SES's account reputation below AWS's own review levels", () => {
    expect(alarm('SES bounce rate')).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.02,
      TreatMissingData: 'ignore',
    });
    expect(alarm('SES complaint rate')).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.ComplaintRate',
      Threshold: 0.0005,
    });
    expect(alarm('SES bounce rate').Dimensions).toBeUndefined();
  });

  it('has a one-hour dashboard: the alarms on top, then the figures at one-minute points', () => {
    const [dashboard] = Object.values(monitoring.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
    expect(dashboard!.Properties.DashboardName).toBe('Stagematching-2026-2027');
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    for (const figure of [
      'Acceptances',
      'AcceptanceConflicts',
      'Decisions',
      'Invitations',
      'MailsQueued',
      'MailsSent',
      'MailsFailed',
      'OutboxOldestPendingAge',
      'ExportDuration',
      'ImportDuration',
      'Logins',
      'LoginsFailed',
      'Lockouts',
    ])
      expect(body, figure).toContain(`\\"${figure}\\"`);
    expect(body).toContain('\\"start\\":\\"-PT1H\\"');
    expect(body).toContain('\\"type\\":\\"alarm\\"');
  });

  it("hands SES's bounces, complaints, delays and rejects of the year's configuration set to the tick's function", () => {
    monitoring.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: Match.anyValue(),
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'deliveryDelay', 'reject'],
        EventBridgeDestination: {
          EventBusArn: { 'Fn::Join': ['', Match.arrayWith([':event-bus/default'])] },
        },
      },
    });
    monitoring.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        detail: {
          eventType: ['Bounce', 'Complaint', 'DeliveryDelay', 'Reject'],
          mail: { tags: { 'ses:configuration-set': [Match.anyValue()] } },
        },
      },
      Targets: [Match.objectLike({ Arn: Match.anyValue(), RetryPolicy: { MaximumRetryAttempts: 8 } })],
    });
    monitoring.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
    });
    // The year's own stack gains nothing for it.
    year.resourceCountIs('AWS::Events::Rule', 0);
    year.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 0);
  });

  it('warns, and still synthesises, when nobody is named to receive the alarms', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const webAssetPath = mkdtempSync(join(tmpdir(), 'web-'));
    const { monitoring: stack } = defineSchoolYear(app, {
      schoolYear: '2026-2027',
      region: 'eu-west-1',
      mailFrom: 'Stagematching <no-reply@stagematching.example>',
      webAssetPath,
      jobs,
    });
    const assembly = app.synth();
    Template.fromStack(stack).resourceCountIs('AWS::SNS::Subscription', 0);
    const warnings = assembly
      .getStackArtifact(stack.artifactId)
      .messages.filter((m) => m.level === 'warning')
      .map((m) => String(m.entry.data));
    expect(warnings.some((w) => w.includes('alarmEmail'))).toBe(true);
  });
});
