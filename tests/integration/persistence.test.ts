import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { localDynamo, localS3 } from '#local/local-clients';
import { startLocalStack } from '#local/stack';

const dataDir = mkdtempSync(join(tmpdir(), 'stagematching-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = () =>
  startLocalStack({
    schoolYear: '2026-2027',
    dataDir,
    persist: true,
    ports: { app: 0, mail: 0 },
    scheduler: false,
  });

describe('a second start of the local stack', () => {
  it('keeps records, files and the user pool', { timeout: 90_000 }, async () => {
    const first = await start();
    const key = { pk: { S: 'TEST#persist' }, sk: { S: 'ITEM' } };
    try {
      await localDynamo(first.endpoints.dynamodb).send(
        new PutItemCommand({ TableName: first.tableName, Item: { ...key, note: { S: 'blijft' } } }),
      );
      await localS3(first.endpoints.s3).send(
        new PutObjectCommand({ Bucket: first.exportBucket, Key: 'exports/x.csv', Body: 'a;b' }),
      );
    } finally {
      await first.stop();
    }

    const second = await start();
    try {
      expect(second.userPool).toEqual(first.userPool);
      const { Item } = await localDynamo(second.endpoints.dynamodb).send(
        new GetItemCommand({ TableName: second.tableName, Key: key }),
      );
      expect(Item?.note?.S).toBe('blijft');
      const file = await localS3(second.endpoints.s3).send(
        new GetObjectCommand({ Bucket: second.exportBucket, Key: 'exports/x.csv' }),
      );
      expect(await file.Body?.transformToString()).toBe('a;b');
      const health = await fetch(`${second.appUrl}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
