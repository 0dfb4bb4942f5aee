import { join } from 'node:path';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '#local/stack';
import { buildWeb } from '../build';

/**
 * A whole local stack on free ports, in memory, with the web app built into `dataDir`: the one the
 * browser tests share, or one a test file needs for itself (a year it archives).
 */
export async function startBrowserStack(
  dataDir: string,
  options: Pick<LocalStackOptions, 'admin' | 'simulateMailFeedback'> = {},
): Promise<LocalStack> {
  const webDir = join(dataDir, 'web');
  await buildWeb({ quiet: true, outDir: webDir });
  return startLocalStack({
    schoolYear: '2026-2027',
    dataDir,
    webDir,
    persist: false,
    ports: { app: 0, mail: 0 },
    scheduler: false,
    ...options,
  });
}
