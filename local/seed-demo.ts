import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableNameFor, YEARS_TABLE_NAME } from '#platform/table/table';
import { ensureUserPool, servedLocalYear } from './bootstrap';
import { DEMO_PASSWORD } from './demo/generate';
import { seedDemo } from './demo/seed';
import { localLambdaEnv } from './lambda-env';
import { LOCALHOST } from './net';
import { defaultDataDir } from './paths';
import { LOCAL_ADMIN, LOCAL_USER_POOL, localPorts, localSchoolYear } from './settings';
import { startLocalStack } from './stack';

/**
 * `npm run seed:demo`: a believable school year in the local stack. Uses the running `npm start`
 * if there is one, otherwise starts the stack for the time it takes. Running it twice adds nothing.
 */
async function main() {
  process.env.LOG_LEVEL ??= 'WARN';
  const ports = localPorts();
  let schoolYear = localSchoolYear();
  const dataDir = defaultDataDir();
  const running = await fetch(`http://${LOCALHOST}:${ports.app}/api/health`)
    .then((r) => r.ok)
    .catch(() => false);

  let stop = async () => {};
  if (running) {
    const endpoint = (port: number) => `http://${LOCALHOST}:${port}`;
    const endpoints = {
      dynamodb: endpoint(ports.dynamodb),
      s3: endpoint(ports.s3),
      ses: endpoint(ports.mail),
      cognito: endpoint(ports.cognito),
    };
    // The year the running stack serves, unless SCHOOL_YEAR names another.
    schoolYear ??= await servedLocalYear(endpoints.dynamodb, YEARS_TABLE_NAME);
    const userPool = await ensureUserPool(endpoints.cognito, LOCAL_USER_POOL);
    Object.assign(
      process.env,
      localLambdaEnv({ schoolYear, dataDir, tableName: tableNameFor(schoolYear), endpoints, userPool }),
    );
    console.log('Seeding the running local stack…');
  } else {
    console.log('No local stack is running: starting one for the seed…');
    const stack = await startLocalStack({
      schoolYear,
      dataDir,
      persist: true,
      ports,
      scheduler: false,
      admin: LOCAL_ADMIN,
    });
    stop = stack.stop;
    schoolYear = stack.schoolYear;
  }

  try {
    const started = Date.now();
    const report = await seedDemo(schoolYear);
    const c = report.created;
    console.log(
      `Created ${c.organisations} organisations, ${c.logins} logins, ${c.supervisors} supervisors, ${c.students} students, ${c.contacts} mentors and ${c.placements} dual placements; ${report.skipped} already existed (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    const lines = report.logins.map((l) => `${l.email.padEnd(48)} ${l.kind.padEnd(9)} ${l.organisationName}`);
    const file = join(dataDir, 'demo-logins.txt');
    writeFileSync(file, `Demo logins (password for all: ${DEMO_PASSWORD})\n\n${lines.join('\n')}\n`);
    console.log(`\nEvery demo login has the password ${DEMO_PASSWORD}:\n`);
    console.log(lines.join('\n'));
    console.log(`\nThe list is also in ${file}. The admin stays ${LOCAL_ADMIN.email}.`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
