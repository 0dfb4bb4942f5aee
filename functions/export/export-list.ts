import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '#kernel/zod';
import { logger } from '#platform/log/logger';

export const ExportRequest = z.object({
  list: z.enum(['school-students', 'service-requests', 'admin-students']),
  requestedBy: z.string().min(1),
});

/**
 * Builds large exports asynchronously. The per-list CSV builders arrive with the export feature;
 * today the function accepts and validates a request so that its permissions and wiring exist.
 */
export const handler = middy(async (event: unknown) => {
  const request = ExportRequest.parse(event);
  logger.info('Export requested', { list: request.list });
  return { status: 'not-available-yet', list: request.list };
}).use(injectLambdaContext(logger, { resetKeys: true }));
