import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import { migrateStudents } from '#students/migrate';

/**
 * A student as stored before programmes and adult windows: no `programme`, no `firstPeriodStart`.
 * Only the attributes the migration reads, and no index keys: no list or recount of another test
 * finds it.
 */
const legacy = (version?: number) => {
  const id = randomUUID();
  return {
    ...keys.student(id),
    id,
    track: 'secondary',
    schoolId: `school-${id}`,
    internship: {
      periods: [
        { start: '2026-11-09', end: '2026-11-27' },
        { start: '2026-10-05', end: '2026-10-30' },
      ],
    },
    updatedAt: '2026-06-01T10:00:00.000Z',
    ...(version ? { version } : {}),
  };
};

const read = async (key: { pk: string; sk: string }) =>
  (
    await dynamoClient().send(
      new GetCommand({ TableName: settings.tableName(), Key: key, ConsistentRead: true }),
    )
  ).Item!;

describe('the student migration', () => {
  it('fills in programme and firstPeriodStart conditional on the version it read, and leaves the version', async () => {
    const versioned = legacy(3);
    const unversioned = legacy();
    for (const Item of [versioned, unversioned]) {
      await dynamoClient().send(new PutCommand({ TableName: settings.tableName(), Item }));
    }
    await migrateStudents();
    for (const item of [versioned, unversioned]) {
      const after = await read(keys.student(item.id));
      expect(after.programme).toBe('seventh_year');
      expect(after.firstPeriodStart).toBe('2026-10-05');
      expect(after.version).toBe(item.version);
    }
    // Run again: nothing left to do for these two.
    await migrateStudents();
    expect((await read(keys.student(versioned.id))).version).toBe(3);
    for (const item of [versioned, unversioned]) {
      await dynamoClient().send(
        new DeleteCommand({ TableName: settings.tableName(), Key: keys.student(item.id) }),
      );
    }
  });
});

/** CloudFormation's side of a custom resource: the URL it waits on for the answer. */
async function cloudFormationWaiting() {
  const answers: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req
      .on('data', (c) => (body += c))
      .on('end', () => {
        answers.push(JSON.parse(body));
        res.end();
      });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/answer`, answers, close: () => server.close() };
}

describe('the migrations on deploy', () => {
  it('brings old students up to date and answers CloudFormation, on create and on update', async () => {
    const { handler } = await import('../../functions/notify/migrate');
    const cfn = await cloudFormationWaiting();
    try {
      for (const RequestType of ['Create', 'Update'] as const) {
        const old = legacy();
        await dynamoClient().send(new PutCommand({ TableName: settings.tableName(), Item: old }));
        const event = {
          RequestType,
          ResponseURL: cfn.url,
          StackId: 'stack',
          RequestId: randomUUID(),
          LogicalResourceId: 'Migrations',
          ResourceType: 'Custom::Migrations',
          ServiceToken: 'arn',
          ResourceProperties: { ServiceToken: 'arn', Migrations: 'a,b' },
          ...(RequestType === 'Update'
            ? { PhysicalResourceId: 'migrations', OldResourceProperties: {} }
            : {}),
        };
        await handler(event as never, { logStreamName: 'stream' } as never);
        expect(cfn.answers.at(-1)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'migrations' });
        expect((await read(keys.student(old.id))).programme).toBe('seventh_year');
        await dynamoClient().send(
          new DeleteCommand({ TableName: settings.tableName(), Key: keys.student(old.id) }),
        );
      }
    } finally {
      cfn.close();
    }
  });
});
