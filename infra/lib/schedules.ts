import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RecurringScheduleDef, ScheduleDef, ScheduleTarget } from '#school-year/schedules';
import { acknowledge, arnToken } from './nag';

/**
 * The school year's timed jobs as EventBridge Scheduler one-time schedules in Brussels time; a
 * mailing that keeps failing lands in the dead-letter queue instead of vanishing.
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
      targets: Record<ScheduleTarget, IFunction>;
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
    for (const def of props.definitions) {
      new Schedule(this, def.name, {
        scheduleName: def.name,
        scheduleGroup: this.group,
        schedule: ScheduleExpression.expression(`at(${def.at})`, TimeZone.EUROPE_BRUSSELS),
        target: new LambdaInvoke(props.targets[def.target], {
          input: ScheduleTargetInput.fromObject(def.payload),
          deadLetterQueue: this.deadLetters,
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
        }),
      });
    }
    for (const def of props.recurring ?? []) {
      // The scheduler's role (one per stack, made by the CDK) invokes the function and its versions.
      acknowledge(
        Stack.of(this),
        `AwsSolutions-IAM5[Resource::${arnToken(props.targets[def.target])}:*]`,
        'EventBridge Scheduler invokes exactly this target function; the :* covers its versions and aliases.',
      );
      new Schedule(this, def.name, {
        scheduleName: def.name,
        scheduleGroup: this.group,
        schedule: ScheduleExpression.expression(def.expression, TimeZone.EUROPE_BRUSSELS),
        target: new LambdaInvoke(props.targets[def.target], {
          input: ScheduleTargetInput.fromObject(def.payload),
          deadLetterQueue: this.deadLetters,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
    }
  }
}
