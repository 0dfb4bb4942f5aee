import { Annotations, type App, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmState,
  AlarmStatusWidget,
  AlarmStatusWidgetSortBy,
  Column,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  PeriodOverride,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { DECISION_STATUSES } from '#contract/requests';
import { FIGURES, type Figure, METRICS_NAMESPACE, METRICS_SERVICE } from '#platform/metrics';

/**
 * The routes of the 12:00 rush whose p99 latency is alarmed on. API Gateway writes per-route
 * metrics only where the stage enables detailed metrics (`infra/lib/api.ts` does, for these keys
 * only: every route's metrics would cost some 6 custom metrics per route each month).
 */
export const LATENCY_WATCHED_ROUTES = [
  'GET /api/requests',
  'PUT /api/requests/{studentId}/decision',
] as const;

/** What a school year runs on that the monitoring watches; the year's stack hands it over. */
export interface MonitoredParts {
  /** Every product function: an errors alarm and a throttles alarm each. */
  readonly functions: readonly IFunction[];
  readonly httpApi: IHttpApi;
  readonly table: ITable;
  /** Dead-letter queues: anything in them is work that failed for good. */
  readonly deadLetterQueues: readonly IQueue[];
  readonly configurationSetName: string;
  /** The round mailings tick (EventBridge Scheduler, once a minute). */
  readonly tick: IFunction;
}

export interface MonitoringProps extends MonitoredParts {
  readonly schoolYear: string;
  /** Where alarm mails go (`-c alarmEmail=...`); without it the topic has no subscriber yet. */
  readonly alarmEmail?: string;
}

const MINUTE = Duration.minutes(1);
const FIVE_MINUTES = Duration.minutes(5);

/** The DynamoDB operations the product calls (at most 10: an alarm's metric math takes no more). */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.SCAN,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/**
 * The school year's alarms, the one SNS topic they report to, and the dashboard. Written with
 * aws-cdk-lib's own CloudWatch constructs rather than `cdk-monitoring-constructs` (docs/operations.md,
 * "Why plain CloudWatch constructs"): every threshold, period and missing-data rule is visible here and in the test.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  /** The product-level alarms (queues, API, table, mail, tick); the dashboard's top row. */
  readonly alarms: Alarm[] = [];
  /** An errors alarm and a throttles alarm per function. */
  readonly functionAlarms: Alarm[] = [];
  readonly dashboard: Dashboard;
  private readonly prefix: string;
  private readonly schoolYear: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.schoolYear = props.schoolYear;
    this.prefix = `Stagematching ${props.schoolYear}`;
    this.topic = this.alarmTopic(props.schoolYear, props.alarmEmail);

    for (const queue of props.deadLetterQueues) {
      this.alarm('dead-letters', {
        title: `dead letters in ${labelOf(queue)}`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: MINUTE, statistic: 'Maximum' }),
        threshold: 1,
        description: 'A scheduled job failed after its retries and was parked in the dead-letter queue.',
      });
    }

    for (const fn of props.functions) {
      const label = labelOf(fn);
      this.alarm(
        'function-errors',
        {
          title: `errors in ${label}`,
          metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 3,
          description: `${label} failed 3 or more times within 5 minutes (unhandled errors, timeouts, crashes).`,
        },
        this.functionAlarms,
      );
      this.alarm(
        'function-throttles',
        {
          title: `throttles of ${label}`,
          metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
          threshold: 1,
          description: `Lambda refused to run ${label}: the account's concurrency is used up.`,
        },
        this.functionAlarms,
      );
    }

    const api = { ApiId: props.httpApi.apiId };
    const requests = new Metric({
      namespace: 'AWS/ApiGateway',
      metricName: 'Count',
      dimensionsMap: api,
      statistic: 'Sum',
      period: FIVE_MINUTES,
    });
    const serverErrors = new Metric({
      namespace: 'AWS/ApiGateway',
      metricName: '5xx',
      dimensionsMap: api,
      statistic: 'Sum',
      period: FIVE_MINUTES,
    });
    this.alarm('api-5xx', {
      title: 'API 5xx rate',
      // A rate needs traffic: below 20 requests in 5 minutes a single failure is not a rate (the
      // function alarms catch those).
      metric: new MathExpression({
        expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
        usingMetrics: { requests, errors: serverErrors },
        label: '5xx (% of requests)',
        period: FIVE_MINUTES,
      }),
      threshold: 1,
      description: '1 % or more of the API requests in 5 minutes answered 5xx (at least 20 requests).',
    });

    for (const route of LATENCY_WATCHED_ROUTES) {
      const dimensionsMap = { ApiId: props.httpApi.apiId, Stage: '$default', Route: route };
      this.alarm('latency', {
        title: `p99 latency of ${route}`,
        // A percentile needs traffic too: a single cold start must not page anyone at night.
        metric: new MathExpression({
          expression: 'IF(requests >= 50, p99, 0)',
          usingMetrics: {
            p99: new Metric({
              namespace: 'AWS/ApiGateway',
              metricName: 'Latency',
              dimensionsMap,
              statistic: 'p99',
              period: FIVE_MINUTES,
            }),
            requests: new Metric({
              namespace: 'AWS/ApiGateway',
              metricName: 'Count',
              dimensionsMap,
              statistic: 'Sum',
              period: FIVE_MINUTES,
            }),
          },
          label: `p99 ${route} (ms)`,
          period: FIVE_MINUTES,
        }),
        threshold: 1000,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        description: `The slowest 1 % of ${route} took more than 1 s over 5 minutes (at least 50 requests).`,
      });
    }

    this.alarm('table-throttles', {
      title: 'DynamoDB throttled requests',
      metric: props.table.metricThrottledRequestsForOperations({
        operations: TABLE_OPERATIONS,
        period: FIVE_MINUTES,
      }),
      threshold: 1,
      description: 'DynamoDB throttled requests to the table or an index within 5 minutes.',
    });
    this.alarm('table-errors', {
      title: 'DynamoDB system errors',
      metric: props.table.metricSystemErrorsForOperations({
        operations: TABLE_OPERATIONS,
        period: FIVE_MINUTES,
      }),
      threshold: 1,
      description: 'DynamoDB answered requests with an internal error (HTTP 500) within 5 minutes.',
    });

    // SES publishes the account's reputation now and then, not every minute: a missing point keeps
    // the alarm as it was, so it neither flaps back to OK nor fires for lack of mail.
    this.alarm('ses-bounces', {
      title: 'SES bounce rate',
      metric: sesReputation('Reputation.BounceRate'),
      threshold: 0.02,
      missing: TreatMissingData.IGNORE,
      description: "The account's bounce rate reached 2 % (AWS reviews an account at 5 %).",
    });
    this.alarm('ses-complaints', {
      title: 'SES complaint rate',
      metric: sesReputation('Reputation.ComplaintRate'),
      threshold: 0.0005,
      missing: TreatMissingData.IGNORE,
      description: "The account's complaint rate reached 0.05 % (AWS reviews an account at 0.1 %).",
    });

    this.alarm('tick', {
      title: 'mailings tick not running',
      metric: this.figure(FIGURES.mailingsTick, { period: MINUTE, statistic: 'Sum' }),
      threshold: 1,
      comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
      // No heartbeat at all is exactly what this alarm is for.
      missing: TreatMissingData.BREACHING,
      evaluationPeriods: 5,
      description: 'The round mailings tick wrote no heartbeat for 5 minutes: no round mail goes out.',
    });
    this.alarm('outbox-backlog', {
      title: 'mail outbox backlog',
      metric: this.figure(FIGURES.outboxOldestPendingAge, { period: MINUTE, statistic: 'Maximum' }),
      threshold: 15 * 60,
      description: 'A mail has waited in the outbox for 15 minutes or more.',
    });

    this.dashboard = this.buildDashboard(props);
  }

  /** The one place alarms report to: an encrypted, TLS-only topic, mailed to the operators. */
  private alarmTopic(schoolYear: string, alarmEmail: string | undefined): Topic {
    const stack = Stack.of(this);
    const key = new Key(this, 'TopicKey', {
      description: `Stagematching ${schoolYear}: encrypts the alarm topic`,
      enableKeyRotation: true,
    });
    // CloudWatch publishes alarms into the encrypted topic: it needs the key for that, and only
    // for alarms of this account.
    key.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    const topic = new Topic(this, 'Alarms', {
      topicName: `stagematching-${schoolYear}-alarms`,
      displayName: `Stagematching ${schoolYear} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    topic.grantPublish(
      new ServicePrincipal('cloudwatch.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    if (alarmEmail) topic.addSubscription(new EmailSubscription(alarmEmail));
    else
      Annotations.of(this).addWarningV2(
        'stagematching:no-alarm-email',
        'No alarm e-mail (-c alarmEmail=...): alarms reach the topic, but nobody is subscribed to it.',
      );
    return topic;
  }

  private alarm(
    runbook: string,
    spec: {
      title: string;
      metric: IMetric;
      threshold: number;
      description: string;
      comparison?: ComparisonOperator;
      missing?: TreatMissingData;
      evaluationPeriods?: number;
    },
    into: Alarm[] = this.alarms,
  ): Alarm {
    const evaluationPeriods = spec.evaluationPeriods ?? 1;
    const alarm = new Alarm(this, `${spec.title.replace(/[^A-Za-z0-9]+/g, ' ').trim()}`, {
      alarmName: `${this.prefix}: ${spec.title}`,
      alarmDescription: `${spec.description} Runbook: docs/operations.md, "${runbook}".`,
      metric: spec.metric,
      threshold: spec.threshold,
      comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods,
      datapointsToAlarm: evaluationPeriods,
      treatMissingData: spec.missing ?? TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    into.push(alarm);
    return alarm;
  }

  /** One of the product's figures (`shared/platform/metrics.ts`) of this school year. */
  private figure(
    name: Figure,
    options: { period?: Duration; statistic?: string; label?: string; extra?: Record<string, string> } = {},
  ): Metric {
    return new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: name,
      dimensionsMap: { service: METRICS_SERVICE, schoolYear: this.schoolYear, ...options.extra },
      statistic: options.statistic ?? 'Sum',
      period: options.period ?? MINUTE,
      ...(options.label ? { label: options.label } : {}),
    });
  }

  /**
   * One screen at 1080p for the busiest hour of a round's first day: a row of alarms, then three
   * rows of four graphs at one-minute points (60 per graph for the hour). What happens at 12:00
   * (acceptances, conflicts, decisions, the API) sits on the first row under the alarms.
   */
  private buildDashboard(props: MonitoringProps): Dashboard {
    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `Stagematching-${props.schoolYear}`,
      defaultInterval: Duration.hours(1),
      // One-minute points for the hour; a longer range gets coarser points rather than an error.
      periodOverride: PeriodOverride.AUTO,
    });
    const graph = (
      title: string,
      left: IMetric[],
      extra: Partial<ConstructorParameters<typeof GraphWidget>[0]> = {},
    ) => new GraphWidget({ title, left, width: 6, height: 5, period: MINUTE, ...extra });
    const f = (name: Figure, label: string, statistic = 'Sum') => this.figure(name, { label, statistic });
    const api = (
      metricName: string,
      label: string,
      dimensions: Record<string, string> = {},
      statistic = 'Sum',
    ) =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: props.httpApi.apiId, ...dimensions },
        statistic,
        period: MINUTE,
        label,
      });
    const perOperation = (metricName: string) =>
      TABLE_OPERATIONS.map(
        (operation) =>
          new Metric({
            namespace: 'AWS/DynamoDB',
            metricName,
            dimensionsMap: { TableName: props.table.tableName, Operation: operation },
            statistic: 'Sum',
            period: MINUTE,
          }),
      );
    // Ids are per graph: each sum names its own metrics with its own prefix.
    const sumOf = (label: string, prefix: string, metrics: IMetric[]) =>
      new MathExpression({
        expression: `SUM([${metrics.map((_, i) => `${prefix}${i}`).join(',')}])`,
        usingMetrics: Object.fromEntries(metrics.map((m, i) => [`${prefix}${i}`, m])),
        label,
        period: MINUTE,
      });

    dashboard.addWidgets(
      new AlarmStatusWidget({
        title: 'Alarms',
        alarms: this.alarms,
        width: 18,
        height: 4,
        sortBy: AlarmStatusWidgetSortBy.STATE_UPDATED_TIMESTAMP,
      }),
      // An alarm widget holds at most 100 alarms: one per hundred, stacked in the corner, each
      // showing only what is in alarm now.
      new Column(
        ...chunks(this.functionAlarms, 100).map(
          (alarms, i, all) =>
            new AlarmStatusWidget({
              title: `Functions in alarm${all.length > 1 ? ` (${i + 1}/${all.length})` : ''}`,
              alarms,
              width: 6,
              height: all.length === 1 ? 4 : 2,
              states: [AlarmState.ALARM],
            }),
        ),
      ),
    );
    dashboard.addWidgets(
      graph('Acceptances and conflicts (per minute)', [
        f(FIGURES.acceptances, 'accepted'),
        f(FIGURES.acceptanceConflicts, '409: lost the race'),
      ]),
      graph(
        'Decisions by status (per minute)',
        DECISION_STATUSES.map((status) =>
          this.figure(FIGURES.decisions, { label: status, extra: { status } }),
        ),
        { stacked: true },
      ),
      graph('API requests (per minute)', [api('Count', 'requests'), api('4xx', '4xx'), api('5xx', '5xx')]),
      graph(
        'p99 latency: list and decision (ms)',
        LATENCY_WATCHED_ROUTES.map((route) =>
          api('Latency', route, { Stage: '$default', Route: route }, 'p99'),
        ),
        { leftAnnotations: [{ value: 1000, label: 'alarm: 1 s' }] },
      ),
    );
    dashboard.addWidgets(
      graph('Logins (per minute)', [
        f(FIGURES.logins, 'logged in'),
        f(FIGURES.loginsFailed, 'wrong password'),
        f(FIGURES.lockouts, 'locked for 15 min'),
      ]),
      graph('Mails (per minute)', [
        f(FIGURES.mailsQueued, 'queued'),
        f(FIGURES.mailsSent, 'sent'),
        f(FIGURES.mailsFailed, 'send failed'),
        f(FIGURES.mailsGivenUp, 'given up'),
      ]),
      graph(
        'Outbox: oldest waiting mail (s); tick',
        [f(FIGURES.outboxOldestPendingAge, 'oldest waiting', 'Maximum')],
        {
          right: [
            f(FIGURES.mailingsTick, 'tick heartbeats'),
            props.tick.metricErrors({ period: MINUTE, label: 'tick errors' }),
          ],
          leftAnnotations: [{ value: 15 * 60, label: 'alarm: 15 min' }],
        },
      ),
      graph('Lambda errors and throttles, all functions', [
        sumOf(
          'errors',
          'e',
          props.functions.map((fn) => fn.metricErrors({ period: MINUTE })),
        ),
        sumOf(
          'throttles',
          't',
          props.functions.map((fn) => fn.metricThrottles({ period: MINUTE })),
        ),
      ]),
    );
    dashboard.addWidgets(
      graph('Invitations, exports, imports (per minute)', [
        f(FIGURES.invitations, 'invitations'),
        f(FIGURES.exports, 'exports'),
        f(FIGURES.exportsFailed, 'exports failed'),
        f(FIGURES.imports, 'imports'),
      ]),
      graph('Export and import duration (ms)', [
        f(FIGURES.exportDuration, 'export p50', 'p50'),
        f(FIGURES.exportDuration, 'export max', 'Maximum'),
        f(FIGURES.importDuration, 'import max', 'Maximum'),
      ]),
      graph(
        'DynamoDB',
        [
          props.table.metricConsumedReadCapacityUnits({ period: MINUTE, label: 'read units' }),
          props.table.metricConsumedWriteCapacityUnits({ period: MINUTE, label: 'write units' }),
        ],
        {
          right: [
            // CDK's per-operation sums would share metric ids within one graph: own ids here.
            sumOf('throttled', 'thr', perOperation('ThrottledRequests')),
            sumOf('system errors', 'sys', perOperation('SystemErrors')),
          ],
        },
      ),
      graph(
        'SES reputation (rate); dead letters',
        [
          sesReputation('Reputation.BounceRate', 'bounce rate (account)'),
          sesReputation('Reputation.ComplaintRate', 'complaint rate (account)'),
          sesReputation('Reputation.BounceRate', 'bounce rate (configuration set)', {
            'ses:configuration-set': props.configurationSetName,
          }),
        ],
        {
          period: FIVE_MINUTES,
          right: props.deadLetterQueues.map((q) =>
            q.metricApproximateNumberOfMessagesVisible({
              period: MINUTE,
              statistic: 'Maximum',
              label: 'dead letters',
            }),
          ),
        },
      ),
    );
    return dashboard;
  }
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** SES's reputation figure: a fraction (0.02 is 2 %), account-wide unless a dimension says otherwise. */
function sesReputation(metricName: string, label?: string, dimensionsMap?: Record<string, string>) {
  return new Metric({
    namespace: 'AWS/SES',
    metricName,
    statistic: 'Maximum',
    period: Duration.minutes(15),
    ...(dimensionsMap ? { dimensionsMap } : {}),
    ...(label ? { label } : {}),
  });
}

/** A construct's path inside its stack (`Api/StudentsList`): readable, and known at synth time. */
function labelOf(construct: IConstruct): string {
  const stackPath = Stack.of(construct).node.path;
  return construct.node.path.slice(stackPath.length + 1);
}

/** Every product function of a stack (`productFunction` makes them all; CDK's own are not). */
export function productFunctionsOf(stack: Stack): NodejsFunction[] {
  return stack.node.findAll().filter((c): c is NodejsFunction => c instanceof NodejsFunction);
}

export interface MonitoringStackProps extends StackProps, MonitoringProps {}

/**
 * The monitoring of one school year in a stack of its own (`Stagematching-<year>-Monitoring`),
 * beside the year's stack: some 2 alarms per function would otherwise crowd the year's stack, which
 * must stay well under CloudFormation's resource limit. It reads what it watches from the year's
 * stack through weak references (stack outputs, no exports), so the year's stack can change its
 * functions without the monitoring blocking the deploy.
 */
export class MonitoringStack extends Stack {
  readonly monitoring: Monitoring;

  constructor(scope: App, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    this.monitoring = new Monitoring(this, 'Monitoring', props);
  }
}
