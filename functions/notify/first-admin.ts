import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { inviteFirstAdmin } from '#accounts/first-admin';
import { emailSchema } from '#contract/organisations';
import { logger } from '#platform/log/logger';

/**
 * A CloudFormation custom resource: on deploy, the first admin (context `adminEmail`) gets an
 * invitation mail like anyone else. Idempotent: an existing person is left alone.
 */
export const handler = middy(async (event: CloudFormationCustomResourceEvent, context: Context) => {
  let status: 'SUCCESS' | 'FAILED' = 'SUCCESS';
  let reason = 'ok';
  try {
    if (event.RequestType !== 'Delete') {
      await inviteFirstAdmin(emailSchema.parse(event.ResourceProperties.AdminEmail));
    }
  } catch (error) {
    logger.error('First admin invitation failed', error as Error);
    status = 'FAILED';
    reason = `See CloudWatch log stream ${context.logStreamName}`;
  }
  await respond(event, status, reason);
}).use(injectLambdaContext(logger, { resetKeys: true }));

/** Tells CloudFormation the outcome through the presigned URL it handed us. */
async function respond(
  event: CloudFormationCustomResourceEvent,
  status: 'SUCCESS' | 'FAILED',
  reason: string,
) {
  const body = JSON.stringify({
    Status: status,
    Reason: reason,
    PhysicalResourceId: 'PhysicalResourceId' in event ? event.PhysicalResourceId : 'first-admin',
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  const res = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
  if (!res.ok) throw new Error(`CloudFormation response refused: ${res.status}`);
}
