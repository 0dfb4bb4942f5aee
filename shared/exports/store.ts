import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ExportFormat, ExportList, ExportStatus } from '#contract/exports';
import type { Caller } from '#http/caller';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, stripKeys, ttl } from '#platform/table/keys';
import { setExpression } from '#platform/table/set-expression';

const table = () => settings.tableName();

/** A job still pending after this long has died with its function (timeout): say so. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

/** Jobs outlive their files (7 days in the bucket) by a day, then DynamoDB TTL removes them. */
const JOB_DAYS = 8;

export interface ExportJob {
  id: string;
  list: ExportList;
  format: ExportFormat;
  filters: Record<string, unknown>;
  /** The person who asked: the only one who gets a link. */
  caller: Caller;
  status: ExportStatus;
  rows: number;
  progress: number;
  fileName: string;
  /** Object key in the export bucket, once written. */
  key?: string;
  createdAt: string;
  finishedAt?: string;
  failure?: string;
}

export async function createJob(job: ExportJob): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.exportJob(job.id),
        ...keys.runningJob('export', job.createdAt, job.id),
        ...job,
        expiresAt: ttl(Date.parse(job.createdAt) + JOB_DAYS * 86_400_000),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getJob(id: string): Promise<ExportJob | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.exportJob(id), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as ExportJob) : null;
}

/** Progress while writing; only a pending job moves, so a finished one never goes back. */
export async function recordProgress(id: string, rows: number, progress: number): Promise<void> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.exportJob(id),
        UpdateExpression: 'SET #r = :r, progress = :p',
        ConditionExpression: '#s = :pending',
        ExpressionAttributeNames: { '#r': 'rows', '#s': 'status' },
        ExpressionAttributeValues: { ':r': rows, ':p': progress, ':pending': 'pending' },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

export async function finishJob(
  id: string,
  outcome: { status: 'ready'; rows: number; key: string } | { status: 'failed'; failure: string },
  at: string,
): Promise<void> {
  const set = setExpression({ ...outcome, finishedAt: at, progress: 1 });
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.exportJob(id),
      ...set,
      // Off the index of running jobs (the admin's health panel).
      UpdateExpression: `${set.UpdateExpression} REMOVE gsi1pk, gsi1sk`,
    }),
  );
}

/**
 * Exports started in the last minutes that have not finished. An older unfinished one died with
 * its function (the export says so to its owner); it is not running any more.
 */
export async function runningExports(now: Date): Promise<number> {
  const since = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :since',
      ExpressionAttributeValues: { ':pk': keys.runningJobs('export'), ':since': since },
      Select: 'COUNT',
    }),
  );
  return page.Count ?? 0;
}
