import '#local/quiet-logs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type LocalStack, startLocalStack } from '#local/stack';
import { buildWeb } from '../../web/build';

export interface StackInfo {
  appUrl: string;
  mailboxUrl: string;
  endpoints: LocalStack['endpoints'];
  userPool: LocalStack['userPool'];
  env: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

/** One real local stack (free ports, throw-away data folder) for the whole integration run. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'stagematching-it-'));
  const webDir = join(dataDir, 'web');
  await buildWeb({ quiet: true, outDir: webDir });
  const stack = await startLocalStack({
    webDir,
    schoolYear: '2026-2027',
    dataDir,
    persist: false,
    ports: { app: 0, mail: 0 },
    scheduler: false,
  });
  project.provide('stack', {
    appUrl: stack.appUrl,
    mailboxUrl: stack.mailboxUrl,
    endpoints: stack.endpoints,
    userPool: stack.userPool,
    env: stack.env,
  });
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
