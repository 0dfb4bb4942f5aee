import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { logger } from '#platform/log/logger';
import { metricsFlush } from '#platform/metrics';

/**
 * A CloudFormation custom resource around `work`: CloudFormation waits for the answer on the
 * presigned URL it handed over, so every outcome is answered (a failure fails the deploy, with the
 * log stream to read) and nothing hangs for an hour. Deletes do nothing: the data stays.
 */
export function customResource(
  physicalId: string,
  work: (event: CloudFormationCustomResourceEvent) => Promise<void>,
) {
  return middy(async (event: CloudFormationCustomResourceEvent, context: Context) => {
    let status: 'SUCCESS' | 'FAILED' = 'SUCCESS';
    let reason = 'ok';
    try {
      if (event.RequestType !== 'Delete') await work(event);
    } catch (error) {
      logger.error(`Custom resource ${physicalId} failed`, error as Error);
      status = 'FAILED';
      reason = `See CloudWatch log stream ${context.logStreamName}`;
    }
    const body = JSON.stringify({
      Status: status,
      Reason: reason,
      PhysicalResourceId: 'PhysicalResourceId' in event ? event.PhysicalResourceId : physicalId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
    });
    const res = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
    if (!res.ok) throw new Error(`CloudFormation response refused: ${res.status}`);
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(metricsFlush());
}
