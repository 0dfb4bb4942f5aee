import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportKind, ImportRowOutcome } from '#contract/import-columns';
import type { ImportRowResult } from '#contract/imports';
import type { Caller } from '#http/caller';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { getItem, putIfAbsent, refusedByCondition } from '#platform/table/items';
import { keys, ttl } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';

const table = () => settings.tableName();

/** An import's results stay readable for a month; then DynamoDB TTL removes job and rows. */
const KEEP_DAYS = 30;

export interface ImportJob {
  id: string;
  kind: ImportKind;
  filename: string;
  invite: boolean;
  /** Who started it, for the audit entry the finished import writes. */
  actor: Pick<Caller, 'userId' | 'name' | 'organisationId' | 'role'>;
  status: 'pending' | 'running' | 'done';
  total: number;
  processed: number;
  created: number;
  skipped: number;
  refused: number;
  invited: number;
  createdAt: string;
  /** The run that holds the job, and until when; each row renews it. */
  runId?: string;
  leaseUntil?: string;
  heartbeatAt?: string;
  /** Set when a run failed; the next run clears it. */
  interruptedAt?: string;
  finishedAt?: string;
}

export async function createImportJob(job: ImportJob): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.importJob(job.id),
        ...keys.runningJob('import', job.createdAt, job.id),
        ...job,
        expiresAt: ttl(Date.parse(job.createdAt) + KEEP_DAYS * 86_400_000),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export const getImportJob = (id: string) => getItem<ImportJob>(keys.importJob(id));

/** Every row recorded so far, in the file's order. */
export async function importRows(id: string): Promise<ImportRowResult[]> {
  const rows = await queryAll<ImportRowResult & { expiresAt?: number }>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rows)',
    ExpressionAttributeValues: { ':pk': keys.importJob(id).pk, ':rows': keys.importRowPrefix },
    ConsistentRead: true,
  });
  return rows.map(({ expiresAt: _e, ...row }) => row);
}

/**
 * Takes the job for one run: a second run (a retried invocation, a click on "Verder importeren")
 * waits until the first one's lease ran out or was given back. False when another run holds it,
 * or the job is done.
 */
export async function claimRun(id: string, runId: string, now: Date, leaseMs: number): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.importJob(id),
        UpdateExpression:
          'SET runId = :run, leaseUntil = :until, heartbeatAt = :now, #s = :running REMOVE interruptedAt',
        ConditionExpression:
          'attribute_exists(pk) AND #s <> :done AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':run': runId,
          ':now': now.toISOString(),
          ':until': new Date(now.getTime() + leaseMs).toISOString(),
          ':running': 'running',
          ':done': 'done',
        },
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}

/** Another run took the job over (this one's lease ran out): this run stops at once. */
export class LeaseLost extends Error {}

/**
 * One row's outcome and the job's counters in one transaction, so that progress never counts a
 * row twice or misses one, whatever crashes when. A row recorded before (by a run that died after
 * its write) is left as it was. Renews the run's lease.
 */
export async function recordRow(
  id: string,
  runId: string,
  row: ImportRowResult,
  now: Date,
  leaseMs: number,
): Promise<void> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: { ...keys.importRow(id, row.row), ...row },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: table(),
              Key: keys.importJob(id),
              UpdateExpression:
                'ADD #processed :one, #outcome :one, #invited :invited SET heartbeatAt = :now, leaseUntil = :until',
              ConditionExpression: 'runId = :run',
              ExpressionAttributeNames: {
                '#processed': 'processed',
                '#outcome': row.outcome satisfies ImportRowOutcome,
                '#invited': 'invited',
              },
              ExpressionAttributeValues: {
                ':one': 1,
                ':invited': row.invited ? 1 : 0,
                ':now': now.toISOString(),
                ':until': new Date(now.getTime() + leaseMs).toISOString(),
                ':run': runId,
              },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [rowReason, jobReason] = error.CancellationReasons ?? [];
    if (jobReason?.Code === 'ConditionalCheckFailed') throw new LeaseLost(id);
    if (rowReason?.Code !== 'ConditionalCheckFailed') throw error;
  }
}

/** "Verder importeren" was asked: the job no longer reads as interrupted while its run starts. */
export async function markResumed(id: string, now: Date): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.importJob(id),
      UpdateExpression: 'SET heartbeatAt = :now REMOVE interruptedAt',
      ConditionExpression: 'attribute_exists(pk) AND #s <> :done',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':now': now.toISOString(), ':done': 'done' },
    }),
  );
}

/** A run that failed gives the job back at once, marked interrupted, so the next run need not wait. */
export async function releaseRun(id: string, runId: string, now: Date): Promise<void> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.importJob(id),
        UpdateExpression: 'SET leaseUntil = :now, interruptedAt = :now',
        ConditionExpression: 'runId = :run AND #s <> :done',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':now': now.toISOString(), ':run': runId, ':done': 'done' },
      }),
    );
  } catch (error) {
    if (!refusedByCondition(error)) throw error;
  }
}

/** Marks the job done, once: true only for the run that did (it writes the audit entry). */
export async function finishRun(id: string, runId: string, now: Date): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.importJob(id),
        UpdateExpression: 'SET #s = :done, finishedAt = :now REMOVE leaseUntil, gsi1pk, gsi1sk',
        ConditionExpression: 'runId = :run AND #s <> :done',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':now': now.toISOString(), ':run': runId, ':done': 'done' },
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}

/**
 * Claims an organisation address for one import and the organisation it makes: a retry of the
 * same import finds its own claim, another import (even at the same moment) finds it taken.
 */
export async function claimImportedEmail(
  email: string,
  claim: { jobId: string; organisationId: string },
): Promise<{ jobId: string; organisationId: string }> {
  if (await putIfAbsent({ ...keys.importedEmail(email), ...claim })) return claim;
  const held = await getItem<{ jobId: string; organisationId: string }>(keys.importedEmail(email));
  if (!held) throw new Error('An import claim vanished after it was refused');
  return held;
}

/** The imports that have not finished, running or interrupted (the admin's health panel). */
export const unfinishedImports = () =>
  queryAll<ImportJob>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.runningJobs('import') },
  });

/** DynamoDB holds 400 KB per item: the file goes in chunks well below that. */
const CHUNK_BYTES = 300_000;

/**
 * The uploaded file, beside its job: every run (and every resume) reads it again. In the table
 * rather than the export bucket, so that the route needs no write to the bucket (its permission
 * set stays the export routes'); the chunks expire with the job.
 */
export async function storeImportFile(id: string, bytes: Buffer, now: Date): Promise<void> {
  const expiresAt = ttl(now.getTime() + KEEP_DAYS * 86_400_000);
  for (let i = 0, part = 0; i < bytes.length || part === 0; i += CHUNK_BYTES, part++) {
    await dynamoClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.importFile(id, part), data: bytes.subarray(i, i + CHUNK_BYTES), expiresAt },
      }),
    );
  }
}

export async function readImportFile(id: string): Promise<Buffer> {
  const parts = await queryAll<{ data: Uint8Array }>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :file)',
    ExpressionAttributeValues: { ':pk': keys.importJob(id).pk, ':file': keys.importFilePrefix },
    ConsistentRead: true,
  });
  if (parts.length === 0) throw new Error(`Import ${id} has no file`);
  return Buffer.concat(parts.map((p) => Buffer.from(p.data)));
}
