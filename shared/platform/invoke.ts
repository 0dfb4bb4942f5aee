import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { requireEnv } from './config';

let lambda: LambdaClient | undefined;

/**
 * Starts the export function without waiting for it (an asynchronous Lambda invocation, which
 * AWS retries on failure). Locally `EXPORT_FUNCTION_NAME` is `local`: the local server runs the
 * export function in its own process after the 202, so nothing is sent here.
 */
export async function startExportFunction(payload: { jobId: string }): Promise<void> {
  const functionName = requireEnv('EXPORT_FUNCTION_NAME');
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
