import { Duration, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduleDef, ScheduleTarget } from '#school-year/schedules';
import { acknowledge, arnToken } from './nag';

/**
 * The school year's timed jobs as EventBridge Scheduler schedules (one-time in Brussels time, or
 * recurring, such as the round-mailings tick); a run that keeps failing lands in the dead-letter
 * queue instead of vanishing.
 */
export class Schedules extends Construct {
  readonly group: ScheduleGroup;
  readonly deadLetters: Queue;

  constructor(
    scope: Construct,
    id: string,
    props: { schoolYear: string; definitions: ScheduleDef[]; targets: Record<ScheduleTarget, IFunction> },
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
    // One role for the year's schedules: invoke their targets, and nothing else.
    const role = new Role(this, 'InvokeRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    for (const fn of new Set(Object.values(props.targets))) {
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::${arnToken(fn)}:*]`,
        'The CDK Lambda target grant covers the function and its versions; it names one function only.',
      );
    }
    for (const def of props.definitions) {
      new Schedule(this, def.name, {
        scheduleName: def.name,
        scheduleGroup: this.group,
        schedule:
          'everyMinutes' in def
            ? ScheduleExpression.rate(Duration.minutes(def.everyMinutes))
            : ScheduleExpression.expression(`at(${def.at})`, TimeZone.EUROPE_BRUSSELS),
        target: new LambdaInvoke(props.targets[def.target], {
          role,
          input: ScheduleTargetInput.fromObject(def.payload),
          deadLetterQueue: this.deadLetters,
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
        }),
      });
    }
  }
}
