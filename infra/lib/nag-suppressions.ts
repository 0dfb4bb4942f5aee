import { Stack, Token } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { acknowledge, arnToken } from './nag';

/**
 * Stack-wide cdk-nag findings we reviewed and accept, each with its reason. Findings that concern
 * one construct are acknowledged where that construct is made. Anything else fails the synth.
 */
export function acknowledgeReviewedFindings(
  stack: Stack,
  parts: { webBucket: Bucket; userPool: IUserPool },
): void {
  // A pool made elsewhere (the platform stack's) is acknowledged there.
  if (Stack.of(parts.userPool) === stack) acknowledgeUserPool(parts.userPool);
  acknowledgeDeployHandler(stack, parts.webBucket);
}

/** The user pool's reviewed findings: length over composition, no MFA yet, no Plus tier. */
export function acknowledgeUserPool(userPool: IUserPool): void {
  const parts = { userPool };
  acknowledge(
    parts.userPool,
    'AwsSolutions-COG1',
    'Length over composition (NIST SP 800-63B): at least 12 characters; the API also refuses the 10,000 most common passwords and the email address, which Cognito cannot check.',
  );
  acknowledge(
    parts.userPool,
    'AwsSolutions-COG2',
    'School and service staff log in from shared office computers without a second device policy; invitation-only accounts, lockout after 5 failures and 15-minute tokens are the controls. MFA can be switched on per pool later.',
  );
  acknowledge(
    parts.userPool,
    'AwsSolutions-COG8',
    'Invitation-only accounts; the API locks an account for 15 minutes after 5 failed logins and refuses common passwords, covering what the Plus tier would add.',
  );
}

function acknowledgeDeployHandler(stack: Stack, webBucket: Bucket): void {
  const parts = { webBucket };

  // The BucketDeployment handler is a singleton that CDK owns; its permissions are CDK's design.
  const deployHandler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployHandler) {
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const reason = 'CDK-managed BucketDeployment handler: runs only during deployments to copy the web app.';
    for (const id of [
      'AwsSolutions-L1',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'AwsSolutions-IAM5[Resource::*]',
      `AwsSolutions-IAM5[Resource::${arnToken(parts.webBucket)}/*]`,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`,
    ]) {
      acknowledge(deployHandler, id, reason);
    }
  }
}
