import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { WarmUp } from '../lib/warm-up';

function stackWith(concurrency: number) {
  const stack = new Stack(new App(), 'WarmUpTest', { env: { region: 'eu-west-1', account: '111111111111' } });
  const fn = (id: string) =>
    new LambdaFunction(stack, id, {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => ({});'),
    });
  const [hotPath, tick] = [fn('HotPath'), fn('Tick')];
  new WarmUp(stack, 'WarmUp', { hotPath, tick, concurrency });
  return Template.fromStack(stack);
}

describe('warm-up construct', () => {
  it('gives the hot path an alias that the tick may set and remove provisioned concurrency on, and nothing more', () => {
    const template = stackWith(8);
    template.hasResourceProperties('AWS::Lambda::Alias', { Name: 'live' });
    // No provisioned concurrency at deploy: the tick sets it around the openings only.
    template.hasResourceProperties('AWS::Lambda::Alias', {
      ProvisionedConcurrencyConfig: Match.absent(),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          WARM_FUNCTION_NAME: Match.anyValue(),
          WARM_ALIAS: 'live',
          WARM_CONCURRENCY: '8',
        },
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: [
              'lambda:GetProvisionedConcurrencyConfig',
              'lambda:PutProvisionedConcurrencyConfig',
              'lambda:DeleteProvisionedConcurrencyConfig',
            ],
            Resource: { Ref: Match.stringLikeRegexp('WarmUpLive') },
          }),
        ]),
      },
    });
  });

  it('refuses a size that warms nothing', () => {
    expect(() => stackWith(0)).toThrow(/at least 1/);
  });
});
