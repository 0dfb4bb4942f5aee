import '#local/quiet-logs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { LOCAL_ADMIN } from '#local/settings';
import { startBrowserStack } from './browser-stack';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    mailboxUrl: string;
    admin: { email: string; password: string };
    /** The Lambda environment of the stack these tests started (none against a running one). */
    stackEnv?: Record<string, string>;
  }
}

/**
 * Browser tests run against the real local stack. E2E_APP_URL points them at one that already
 * runs (`npm start`); without it they start their own on free ports, as CI does.
 */
export default async function setup(project: TestProject) {
  const admin = LOCAL_ADMIN;
  project.provide('admin', admin);
  if (process.env.E2E_APP_URL) {
    project.provide('appUrl', process.env.E2E_APP_URL.replace(/\/$/, ''));
    project.provide(
      'mailboxUrl',
      (process.env.E2E_MAILBOX_URL ?? 'http://127.0.0.1:8005').replace(/\/$/, ''),
    );
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'stagematching-e2e-'));
  const stack = await startBrowserStack(dataDir, { admin, simulateMailFeedback: true });
  project.provide('appUrl', stack.appUrl);
  project.provide('mailboxUrl', stack.mailboxUrl);
  project.provide('stackEnv', stack.env);
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
