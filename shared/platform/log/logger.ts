import { Logger } from '@aws-lambda-powertools/logger';
import { redactingReplacer } from './redact';

/**
 * One structured JSON logger for every function. In Lambda the request id comes from the
 * context (injected by the handler wrapper); the local server runs the same handlers, so local
 * logs look exactly like CloudWatch lines.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'stagematching',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
  jsonReplacerFn: redactingReplacer,
});
