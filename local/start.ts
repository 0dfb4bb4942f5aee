import { buildWeb } from '../web/build';
import { defaultDataDir } from './paths';
import { LOCAL_ADMIN, localPorts, localSchoolYear } from './settings';
import { startLocalStack } from './stack';

/**
 * `npm start`: the whole product on this machine. Ctrl-C stops every emulator; data stays in the
 * data folder for the next start (`npm run reset` wipes it).
 */
async function main() {
  const started = Date.now();
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(7);
  console.log(`Starting Stagematching locally on Node ${process.version} (about 10 s)…`);
  await buildWeb({ quiet: true });
  console.log(`  ✓ ${'web app built'.padEnd(26)}${seconds(Date.now() - started)}`);
  const stack = await startLocalStack({
    onProgress: (step) => console.log(`  ✓ ${step.padEnd(26)}${seconds(Date.now() - started)}`),
    schoolYear: localSchoolYear(),
    switchHere: localSchoolYear() !== undefined,
    dataDir: defaultDataDir(),
    persist: true,
    ports: localPorts(),
    admin: LOCAL_ADMIN,
    simulateMailFeedback: true,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local stack…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  // If whatever started us dies without a signal reaching us (a killed npm, a closed terminal),
  // we are reparented: take the emulators down rather than leave them running unseen.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('parent exited');
  }, 1000).unref();

  const lines = [
    `Stagematching runs locally: school year ${stack.schoolYear}`,
    '',
    `App:      ${stack.appUrl}/`,
    `Mailbox:  ${stack.mailboxUrl}/`,
    `API:      ${stack.appUrl}/api/health`,
    '',
    'Log in as the local admin:',
    `  e-mail:     ${LOCAL_ADMIN.email}`,
    `  wachtwoord: ${LOCAL_ADMIN.password}`,
    '(set ADMIN_EMAIL / ADMIN_PASSWORD to choose others)',
    '',
    'Mail to …@bounce.test bounces, to …@complaint.test complains.',
    '',
    `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C stops everything.`,
  ];
  const width = Math.max(...lines.map((l) => l.length));
  console.log(`┌${'─'.repeat(width + 2)}┐`);
  for (const line of lines) console.log(`│ ${line.padEnd(width)} │`);
  console.log(`└${'─'.repeat(width + 2)}┘`);
}

main().catch((error) => {
  console.error('The local stack could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
