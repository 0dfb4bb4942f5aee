import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alias, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface WarmUpProps {
  /** The services' hot path (list, detail, decision): one function. */
  hotPath: LambdaFunction;
  /** The scheduler's round-mailings tick (`functions/notify/round-mailing.ts`), which sets and removes it. */
  tick: LambdaFunction;
  /** Warm instances during a window around each opening: a deploy parameter. */
  concurrency: number;
  /** The alias API Gateway invokes, when the API made it; otherwise one is made here. */
  alias?: Alias;
}

/**
 * Warm instances of the hot path at every round's opening, derived from the calendar the admin
 * edits (`#school-year/warm-up`): an alias `live` of the hot path, whose provisioned concurrency the
 * tick sets from ten minutes before an opening and removes when the rush is over. API Gateway must
 * invoke `alias` (the integration's function), or the warm instances serve nobody.
 */
export class WarmUp extends Construct {
  readonly alias: Alias;

  constructor(scope: Construct, id: string, props: WarmUpProps) {
    super(scope, id);
    if (!Number.isInteger(props.concurrency) || props.concurrency < 1)
      throw new Error(`WarmUp: concurrency must be a whole number of at least 1, got ${props.concurrency}`);
    this.alias =
      props.alias ?? new Alias(this, 'Live', { aliasName: 'live', version: props.hotPath.currentVersion });
    props.tick.addEnvironment('WARM_FUNCTION_NAME', props.hotPath.functionName);
    props.tick.addEnvironment('WARM_ALIAS', this.alias.aliasName);
    props.tick.addEnvironment('WARM_CONCURRENCY', String(props.concurrency));
    // Only these three actions, only on this alias.
    props.tick.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'lambda:GetProvisionedConcurrencyConfig',
          'lambda:PutProvisionedConcurrencyConfig',
          'lambda:DeleteProvisionedConcurrencyConfig',
        ],
        resources: [this.alias.functionArn],
      }),
    );
  }
}
