import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { runExport } from '#exports/build';
import { getImportJob } from '#imports/store';
import { runImportJob } from '#imports/use-cases';
import * as z from '#kernel/zod';
import { logger } from '#platform/log/logger';
import { metricsFlush } from '#platform/metrics';

/**
 * What the API sends when it starts this function: the job to work through, an export
 * (`POST /api/exports`) or an import (`POST /api/admin/imports` with `commit`, or its resume).
 */
export const ExportEvent = z.object({ jobId: z.string().min(1).max(64) });

/**
 * Builds one export file (the list's rows streamed into the export bucket), or imports the rows of
 * one import; asynchronous invoke. An import that fails throws: Lambda retries the invocation,
 * which continues where the failed one stopped, and nothing is done twice.
 */
export const handler = middy(async (event: unknown) => {
  const { jobId } = ExportEvent.parse(event);
  if (await getImportJob(jobId)) {
    const outcome = await runImportJob(jobId);
    logger.info('Import run', { jobId, outcome });
    return { jobId, outcome };
  }
  await runExport(jobId);
  return { jobId };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(metricsFlush());
