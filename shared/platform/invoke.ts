import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { requireEnv } from './config';

let lambda: LambdaClient | undefined;

/**
 * Starts a job's function without waiting for it (an asynchronous Lambda invocation, which AWS
 * retries on failure). The function's name is in the setting the stack gives the routes that may
 * start it; locally it is `local`: the local server runs the job in its own process after the 202,
 * so nothing is sent here.
 */
async function startFunction(setting: string, payload: { jobId: string }): Promise<void> {
  const functionName = requireEnv(setting);
  if (functionName === 'local') return;
  lambda ??= new LambdaClient({});
  await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'Event',
      Payload: new TextEncoder().encode(JSON.stringify(payload)),
    }),
  );
}

/** The export function (routes with `exports:start`). */
export const startExportFunction = (payload: { jobId: string }) =>
  startFunction('EXPORT_FUNCTION_NAME', payload);

/** The import function (routes with `imports:start`). */
export const startImportFunction = (payload: { jobId: string }) =>
  startFunction('IMPORT_FUNCTION_NAME', payload);
