import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { runExport } from '#exports/build';
import * as z from '#kernel/zod';
import { logger } from '#platform/log/logger';
import { metricsFlush } from '#platform/metrics';

/** What the API's `POST /api/exports` sends when it starts this function: the job to build. */
export const ExportEvent = z.object({ jobId: z.string().min(1).max(64) });

/** Builds one export file: the list's rows streamed into the export bucket (asynchronous invoke). */
export const handler = middy(async (event: unknown) => {
  const { jobId } = ExportEvent.parse(event);
  await runExport(jobId);
  return { jobId };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsFlush());
