import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureLocalAdmin } from '#accounts/first-admin';
import { runMigrations } from '#migrations/run';
import { tableNameFor } from '#platform/table/table';
import { SCHEDULE_TARGETS, type TimedJob, timedJobsFor } from '#school-year/schedules';
import { startApiServer } from './api-server';
import { lambdaContext } from './apigw-event';
import { createLocalAuthorizer } from './authorizer';
import { ensureTable, ensureUserPool, type LocalUserPool } from './bootstrap';
import { startCognitoLocal } from './cognito-local';
import { startDynamoDbLocal } from './dynamodb-local';
import { exportBucketFor, localLambdaEnv } from './lambda-env';
import { localDynamo } from './local-clients';
import { freePort } from './net';
import { repoRoot, webDistDir } from './paths';
import { schedulerClock } from './recurring';
import { startS3Local } from './s3-local';
import { createLocalScheduler } from './scheduler';
import { startSesLocal } from './ses-local';
import { userPoolNameFor } from './settings';

export interface LocalStackOptions {
  schoolYear: string;
  /** Where data lives; `null` keeps DynamoDB in memory (tests). */
  dataDir: string;
  persist: boolean;
  /** 0 picks a free port. */
  ports: { app: number; mail: number; dynamodb?: number; s3?: number; cognito?: number };
  webDir?: string;
  scheduler?: { definitions?: () => TimedJob[]; intervalMs?: number; now?: () => Date } | false;
  mailFrom?: string;
  /** A local admin who can log in at once (npm start); tests make their own people. */
  admin?: { email: string; password: string };
  /** Told as each part comes up (npm start prints it), with the time since the start. */
  onProgress?: (step: string, elapsedMs: number) => void;
}

export interface LocalStack {
  appUrl: string;
  mailboxUrl: string;
  endpoints: { dynamodb: string; s3: string; ses: string; cognito: string };
  userPool: LocalUserPool;
  tableName: string;
  exportBucket: string;
  /** The environment the Lambda handlers run with, as the CDK stack sets it in AWS. */
  env: Record<string, string>;
  scheduler: ReturnType<typeof createLocalScheduler> | null;
  stop: () => Promise<void>;
}

const pick = async (port: number | undefined) => (port ? port : freePort());

/** Starts every emulator, creates the resources, and serves the API and web app. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    // Reverse order: the server stops taking requests before its backends go away.
    for (const s of stops.reverse()) await s().catch(() => {});
    stops.length = 0;
  };

  const began = Date.now();
  const progress = <T>(step: string, work: Promise<T>): Promise<T> =>
    work.then((value) => {
      options.onProgress?.(step, Date.now() - began);
      return value;
    });

  try {
    const [dynamoPort, s3Port] = await Promise.all([pick(options.ports.dynamodb), pick(options.ports.s3)]);
    const tableName = tableNameFor(options.schoolYear);
    const exportBucket = exportBucketFor(options.schoolYear);
    const [dynamodb, cognito, s3, ses] = await Promise.all([
      progress(
        'DynamoDB Local',
        startDynamoDbLocal({
          port: dynamoPort,
          dataDir: options.persist ? join(dataDir, 'dynamodb') : null,
          logDir,
        }),
      ),
      progress(
        'Cognito (cognito-local)',
        onFreePort(options.ports.cognito, (port) =>
          startCognitoLocal({ port, directory: join(dataDir, 'cognito'), logDir }),
        ),
      ),
      progress(
        'S3 (s3rver)',
        startS3Local({ port: s3Port, directory: join(dataDir, 's3'), buckets: [exportBucket] }),
      ),
      progress('SES mailbox', startSesLocal({ port: await pick(options.ports.mail) })),
    ]);
    stops.push(dynamodb.stop, cognito.stop, s3.stop, ses.stop);

    const [userPool] = await progress(
      'user pool and table',
      Promise.all([
        ensureUserPool(cognito.endpoint, userPoolNameFor(options.schoolYear)),
        ensureTable(dynamodb.endpoint, tableName),
      ]),
    );

    const endpoints = {
      dynamodb: dynamodb.endpoint,
      s3: s3.endpoint,
      ses: ses.endpoint,
      cognito: cognito.endpoint,
    };
    const env = localLambdaEnv({ ...options, dataDir, tableName, endpoints, userPool });
    // The handlers run in this process, so this process's environment is their Lambda environment.
    Object.assign(process.env, env);
    // The same migrations a deploy runs (idempotent: nothing to do on a fresh table). Its own
    // client: this process may start a second stack (tests), and clients are cached.
    await runMigrations(DynamoDBDocumentClient.from(localDynamo(dynamodb.endpoint)), tableName);

    const api = await progress(
      'API and web server',
      startApiServer({
        port: await pick(options.ports.app),
        webDir: options.webDir ?? webDistDir,
        authorize: createLocalAuthorizer({
          cognitoEndpoint: cognito.endpoint,
          userPoolId: userPool.userPoolId,
          clientId: userPool.clientId,
        }),
      }),
    );
    stops.push(api.stop);
    env.APP_URL = api.url;
    process.env.APP_URL = api.url;
    if (options.admin)
      await progress('local admin', ensureLocalAdmin(options.admin.email, options.admin.password));

    let scheduler: LocalStack['scheduler'] = null;
    if (options.scheduler !== false) {
      const config = options.scheduler ?? {};
      scheduler = createLocalScheduler({
        definitions: config.definitions ?? (() => timedJobsFor(options.schoolYear)),
        stateFile: join(dataDir, 'scheduler-state.json'),
        now: config.now ?? schedulerClock(),
        invoke: async (def, payload) => {
          const mod = await import(resolve(repoRoot, SCHEDULE_TARGETS[def.target]));
          await mod.handler(payload, lambdaContext(`schedule-${def.target}`));
        },
        onError: (def, error) => console.error(`schedule ${def.name} failed:`, error),
      });
      scheduler.start(config.intervalMs);
      stops.push(() => scheduler!.stop());
    }

    return {
      appUrl: api.url,
      mailboxUrl: ses.endpoint,
      endpoints,
      userPool,
      tableName,
      exportBucket,
      env,
      scheduler,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A port that was free a moment ago can be taken by another process before the child binds it
 * (several stacks start at once in tests). When the child exits at start, try a fresh port.
 */
async function onFreePort<T>(fixed: number | undefined, start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await pick(fixed));
    } catch (error) {
      const exited = error instanceof Error && / exited with code /.test(error.message);
      if (fixed || !exited || attempt >= 3) throw error;
    }
  }
}
