import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RecurringScheduleDef, ScheduleDef } from '#school-year/schedules';
import { acknowledge, arnToken } from './nag';

/**
 * The school year's timed jobs (`#school-year/schedules`) as EventBridge Scheduler schedules in
 * Brussels time, recurring and one-time; a run that keeps failing lands in the dead-letter queue
 * instead of vanishing.
 */
export class Schedules extends Construct {
  readonly group: ScheduleGroup;
  readonly deadLetters: Queue;

  constructor(
    scope: Construct,
    id: string,
    props: {
      schoolYear: string;
      definitions: ScheduleDef[];
      recurring?: RecurringScheduleDef[];
      targets: ReadonlyMap<string, IFunction>;
    },
  ) {
    super(scope, id);
    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: `stagematching-${props.schoolYear}` });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetters,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter queue of the schedules.',
    );
    // One role for the group's schedules, made here so that its findings are reviewed here.
    let role: Role | undefined;
    const roleFor = (target: IFunction) => {
      role ??= new Role(this, 'InvokeRole', {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
        }),
      });
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::${arnToken(target)}:*]`,
        "CDK's invoke grant covers the function's versions and aliases; it is this job's function only.",
      );
      return role;
    };
    const targetOf = (def: { name: string; target: string }) => {
      const target = props.targets.get(def.target);
      if (!target) {
        throw new Error(
          `Schedule ${def.name} targets job "${def.target}", which infra/jobs.ts does not deploy`,
        );
      }
      return target;
    };
    const schedule = (
      def: { name: string; target: string; payload: Record<string, unknown> },
      expression: ScheduleExpression,
    ) => {
      const target = targetOf(def);
      new Schedule(this, def.name, {
        scheduleName: def.name,
        scheduleGroup: this.group,
        schedule: expression,
        target: new LambdaInvoke(target, {
          role: roleFor(target),
          input: ScheduleTargetInput.fromObject(def.payload),
          deadLetterQueue: this.deadLetters,
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
        }),
      });
    };
    // Jobs that look at the data on a rhythm (the round mailings tick, the escalations): their
    // targets are idempotent, so an extra or retried run changes nothing.
    for (const def of props.recurring ?? []) {
      schedule(def, ScheduleExpression.expression(def.expression, TimeZone.EUROPE_BRUSSELS));
    }
    for (const def of props.definitions) {
      schedule(def, ScheduleExpression.expression(`at(${def.at})`, TimeZone.EUROPE_BRUSSELS));
    }
  }
}
