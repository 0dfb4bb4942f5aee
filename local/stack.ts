import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureLocalAdmin } from '#accounts/first-admin';
import { runMigrations } from '#migrations/run';
import { tableNameFor, YEARS_TABLE_NAME } from '#platform/table/table';
import { SCHEDULE_TARGETS, type TimedJob, timedJobsFor } from '#school-year/schedules';
import { openYear } from '#school-years/opening';
import { startApiServer } from './api-server';
import { lambdaContext } from './apigw-event';
import { createLocalAuthorizer } from './authorizer';
import {
  ensureTable,
  ensureUserPool,
  ensureYearsTable,
  type LocalUserPool,
  servedLocalYear,
} from './bootstrap';
import { startCognitoLocal } from './cognito-local';
import { startDynamoDbLocal } from './dynamodb-local';
import { exportBucketFor, localLambdaEnv } from './lambda-env';
import { localDynamo } from './local-clients';
import { startFeedbackSimulator } from './mail-feedback';
import { freePort } from './net';
import { repoRoot, webDistDir } from './paths';
import { schedulerClock } from './recurring';
import { ensureBucket, startS3Local } from './s3-local';
import { createLocalScheduler } from './scheduler';
import { startSesLocal } from './ses-local';
import { LOCAL_USER_POOL } from './settings';

export interface LocalStackOptions {
  /** The year to serve; without it, the registry's current year (or the first year on a fresh start). */
  schoolYear?: string;
  /**
   * The address now serves this year, as the platform's switch does in AWS: a prepared year
   * becomes current (`SCHOOL_YEAR=2027-2028 npm start`). Off for tests unless they ask.
   */
  switchHere?: boolean;
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
  /**
   * Plays SES's feedback: a mail to `…@bounce.test` bounces, one to `…@complaint.test` complains
   * (npm start, browser tests). Integration tests feed recorded events themselves.
   */
  simulateMailFeedback?: boolean;
  /** Told as each part comes up (npm start prints it), with the time since the start. */
  onProgress?: (step: string, elapsedMs: number) => void;
}

export interface LocalStack {
  appUrl: string;
  mailboxUrl: string;
  endpoints: LocalEndpoints;
  userPool: LocalUserPool;
  schoolYear: string;
  tableName: string;
  exportBucket: string;
  /** The environment the Lambda handlers run with, as the CDK stack sets it in AWS. */
  env: Record<string, string>;
  scheduler: ReturnType<typeof createLocalScheduler> | null;
  stop: () => Promise<void>;
}

export interface LocalEndpoints {
  dynamodb: string;
  s3: string;
  ses: string;
  cognito: string;
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
      progress('S3 (s3rver)', startS3Local({ port: s3Port, directory: join(dataDir, 's3'), buckets: [] })),
      progress('SES mailbox', startSesLocal({ port: await pick(options.ports.mail) })),
    ]);
    stops.push(dynamodb.stop, cognito.stop, s3.stop, ses.stop);

    const endpoints = {
      dynamodb: dynamodb.endpoint,
      s3: s3.endpoint,
      ses: ses.endpoint,
      cognito: cognito.endpoint,
    };
    const year = await serveLocalYear({ ...options, dataDir, endpoints, progress });
    stops.push(year.stop);
    return { ...year, mailboxUrl: ses.endpoint, endpoints, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface LocalYearOptions
  extends Pick<
    LocalStackOptions,
    'schoolYear' | 'switchHere' | 'webDir' | 'scheduler' | 'mailFrom' | 'admin' | 'simulateMailFeedback'
  > {
  dataDir: string;
  endpoints: LocalEndpoints;
  ports: { app: number };
  progress?: <T>(step: string, work: Promise<T>) => Promise<T>;
}

/**
 * One school year on running emulators: its table and export bucket, the shared user pool and
 * registry, the year's opening (calendar, carry-over from last year), the API and web server and
 * the scheduler. `npm start` runs one; a second year runs the same in a process of its own
 * (local/year-process.ts), since the handlers read their year from the process environment.
 */
export async function serveLocalYear(options: LocalYearOptions) {
  const progress = options.progress ?? (<T>(_: string, work: Promise<T>) => work);
  const { endpoints, dataDir } = options;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
    stops.length = 0;
  };
  try {
    await ensureYearsTable(endpoints.dynamodb, YEARS_TABLE_NAME);
    const schoolYear = options.schoolYear ?? (await servedLocalYear(endpoints.dynamodb, YEARS_TABLE_NAME));
    const tableName = tableNameFor(schoolYear);
    const exportBucket = exportBucketFor(schoolYear);
    ensureBucket(join(dataDir, 's3'), exportBucket);
    const [userPool] = await progress(
      'user pool and table',
      Promise.all([
        ensureUserPool(endpoints.cognito, LOCAL_USER_POOL),
        ensureTable(endpoints.dynamodb, tableName),
      ]),
    );
    const env = localLambdaEnv({ ...options, schoolYear, dataDir, tableName, endpoints, userPool });
    // The handlers run in this process, so this process's environment is their Lambda environment.
    Object.assign(process.env, env);
    // The same migrations a deploy runs (idempotent: nothing to do on a fresh table). Its own
    // client: this process may start a second stack (tests), and clients are cached.
    await runMigrations(DynamoDBDocumentClient.from(localDynamo(endpoints.dynamodb)), tableName);
    // What a deploy of the year does in AWS: seed the calendar, carry last year's people over.
    await progress('school year opened', openYear(new Date(), { switchHere: options.switchHere ?? false }));

    const api = await progress(
      'API and web server',
      startApiServer({
        port: await pick(options.ports.app),
        webDir: options.webDir ?? webDistDir,
        authorize: createLocalAuthorizer({
          cognitoEndpoint: endpoints.cognito,
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

    if (options.simulateMailFeedback) {
      const feedback = startFeedbackSimulator({ mailboxUrl: endpoints.ses });
      stops.push(feedback.stop);
    }

    let scheduler: LocalStack['scheduler'] = null;
    if (options.scheduler !== false) {
      const config = options.scheduler ?? {};
      scheduler = createLocalScheduler({
        definitions: config.definitions ?? (() => timedJobsFor(schoolYear)),
        stateFile: join(dataDir, `scheduler-state-${schoolYear}.json`),
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
    return { appUrl: api.url, userPool, schoolYear, tableName, exportBucket, env, scheduler, stop };
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
