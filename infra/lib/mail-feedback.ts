import { Stack } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnConfigurationSetEventDestination, EmailSendingEvent } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/** What SES reports back to the product: `#bounces/record` reads these. */
export const FEEDBACK_EVENTS = [
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.DELIVERY_DELAY,
  EmailSendingEvent.REJECT,
];

/**
 * SES's feedback on a school year's mails (bounces, complaints, delivery delays, rejects): the
 * year's configuration set publishes them to the account's default event bus, and a rule hands the
 * ones tagged with that configuration set (other years publish to the same bus) to the function
 * that records them, the round mailings tick's (`functions/notify/round-mailing.ts`).
 *
 * EventBridge rather than an SNS topic: no topic, key or subscription to keep, and the default bus
 * needs no policy. It lives in the year's monitoring stack, beside the alarms on bounce and
 * complaint rates, so the year's own stack (close to its resource budget) gains nothing; the
 * references to the configuration set and the function are weak (stack outputs).
 */
export class MailFeedback extends Construct {
  constructor(scope: Construct, id: string, props: { configurationSetName: string; recorder: IFunction }) {
    super(scope, id);
    const stack = Stack.of(this);
    new CfnConfigurationSetEventDestination(this, 'Destination', {
      configurationSetName: props.configurationSetName,
      eventDestination: {
        name: 'feedback-to-default-bus',
        enabled: true,
        matchingEventTypes: FEEDBACK_EVENTS,
        eventBridgeDestination: {
          eventBusArn: stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: 'default' }),
        },
      },
    });
    new Rule(this, 'Rule', {
      description: "SES bounces, complaints, delays and rejects of this year's mails",
      eventPattern: {
        source: ['aws.ses'],
        detail: {
          eventType: ['Bounce', 'Complaint', 'DeliveryDelay', 'Reject'],
          mail: { tags: { 'ses:configuration-set': [props.configurationSetName] } },
        },
      },
      // A failed invocation is retried by Lambda (twice) and raises the function's errors alarm.
      targets: [new LambdaFunction(props.recorder, { retryAttempts: 8 })],
    });
  }
}
