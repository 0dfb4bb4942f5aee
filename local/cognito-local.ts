import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LOCALHOST, waitUntil } from './net';
import { spawnService, stopProcess } from './processes';

const require = createRequire(import.meta.url);

/**
 * cognito-local keeps its pools under `<cwd>/.cognito`, so it runs as a child process whose
 * working directory is inside our data folder.
 */
export async function startCognitoLocal(options: { port: number; directory: string; logDir: string }) {
  const configDir = join(options.directory, '.cognito');
  mkdirSync(configDir, { recursive: true });
  const endpoint = `http://${LOCALHOST}:${options.port}`;
  writeFileSync(
    join(configDir, 'config.json'),
    JSON.stringify(
      { TokenConfig: { IssuerDomain: endpoint }, ServerConfig: { hostname: LOCALHOST, port: options.port } },
      null,
      2,
    ),
  );
  const bin = require.resolve('cognito-local/lib/bin/start.js');
  const child = spawnService('cognito', process.execPath, [bin], {
    cwd: options.directory,
    env: { HOST: LOCALHOST, PORT: String(options.port) },
    logDir: options.logDir,
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`cognito-local exited with code ${code}; see its log`))),
  );
  await Promise.race([
    waitUntil('cognito-local', async () => {
      const res = await fetch(`${endpoint}/health`);
      if (!res.ok) throw new Error(`status ${res.status}`);
    }),
    exited,
  ]);
  exited.catch(() => {});
  return { endpoint, stop: () => stopProcess(child) };
}
