import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './paths';
import { stopProcess } from './processes';
import { type LocalEndpoints, serveLocalYear } from './stack';

/**
 * A second school year on the emulators of a running local stack, in a process of its own: the
 * handlers read their year (table, bucket) from the process environment, so two years never
 * share a process. This is what a year's own stack is in AWS; tests run two years side by side
 * with it.
 */
export interface YearProcessConfig {
  schoolYear: string;
  dataDir: string;
  endpoints: LocalEndpoints;
  webDir?: string;
  switchHere?: boolean;
}

export interface YearProcess {
  appUrl: string;
  env: Record<string, string>;
  stop: () => Promise<void>;
}

const READY = 'YEAR-READY ';

export async function startYearProcess(config: YearProcessConfig): Promise<YearProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    cwd: repoRoot,
    env: { ...process.env, LOCAL_YEAR_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ appUrl: string; env: Record<string, string> }>((resolveReady, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`The ${config.schoolYear} process exited with code ${code}`)),
    );
    lines.on('line', (line) => {
      if (line.startsWith(READY)) resolveReady(JSON.parse(line.slice(READY.length)));
    });
  });
  return { ...ready, stop: () => stopProcess(child) };
}

async function main() {
  const config = JSON.parse(process.env.LOCAL_YEAR_CONFIG ?? '{}') as YearProcessConfig;
  const year = await serveLocalYear({ ...config, ports: { app: 0 }, scheduler: false });
  const shutdown = async () => {
    await year.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  console.log(`${READY}${JSON.stringify({ appUrl: year.appUrl, env: year.env })}`);
}

if (process.env.LOCAL_YEAR_CONFIG && process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error('The school year could not start:', error);
    process.exit(1);
  });
}
