import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { countedOf } from '#statistics/counted';
import { countDeltas } from '#statistics/rules';
import { counterUpdates } from '#statistics/store';
import type { StoredStudent } from './rules';

/** The counter updates that go with a student's change, in the same transaction. */
const counters = (before: StoredStudent | null, after: StoredStudent | null) =>
  countDeltas(before && countedOf(before), after && countedOf(after)).flatMap((t) =>
    counterUpdates(t.track, t.deltas),
  );

const table = () => settings.tableName();

/** Why a student write was refused: the student changed state, or the supervisor is not there. */
export class StudentWriteRefused extends Error {
  constructor(readonly reason: 'student' | 'supervisor') {
    super(reason);
  }
}

const linkSupervisor = (schoolId: string, supervisorId: string, delta: 1 | -1) => ({
  Update: {
    TableName: table(),
    Key: keys.supervisor(schoolId, supervisorId),
    UpdateExpression: 'ADD studentCount :d',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':d': delta },
  },
});

const studentItem = (s: StoredStudent) => ({
  ...keys.student(s.id),
  ...keys.studentBySchool(s.schoolId, s.registeredAt, s.id),
  ...(s.placement || s.stoppedAt
    ? {}
    : keys.openStudent(s.track, s.province, s.address.postcode, s.lastName, s.id)),
  ...s,
});

/** Only an open student of this school may change: not accepted, not stopped. */
const STILL_OPEN =
  'attribute_exists(pk) AND schoolId = :school AND attribute_not_exists(placement) AND attribute_not_exists(stoppedAt)';

async function transact(
  items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>,
) {
  try {
    await dynamoClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const failed = error.CancellationReasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
    throw new StudentWriteRefused(failed === 0 ? 'student' : 'supervisor');
  }
}

export async function createStudent(student: StoredStudent): Promise<void> {
  await transact([
    {
      Put: {
        TableName: table(),
        Item: studentItem(student),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    linkSupervisor(student.schoolId, student.internship.supervisorId, 1),
    ...counters(null, student),
  ]);
}

export async function replaceStudent(previous: StoredStudent, next: StoredStudent): Promise<void> {
  const moved = previous.internship.supervisorId !== next.internship.supervisorId;
  await transact([
    {
      Put: {
        TableName: table(),
        Item: studentItem(next),
        ConditionExpression: `${STILL_OPEN} AND updatedAt = :u`,
        ExpressionAttributeValues: { ':school': next.schoolId, ':u': previous.updatedAt },
      },
    },
    ...(moved
      ? [
          linkSupervisor(next.schoolId, next.internship.supervisorId, 1),
          linkSupervisor(previous.schoolId, previous.internship.supervisorId, -1),
        ]
      : []),
    ...counters(previous, next),
  ]);
}

export async function deleteStudent(student: StoredStudent): Promise<void> {
  await transact([
    {
      Delete: {
        TableName: table(),
        Key: keys.student(student.id),
        // Unchanged since it was read: the counters below were computed from that version.
        ConditionExpression:
          'attribute_exists(pk) AND schoolId = :school AND attribute_not_exists(placement) AND updatedAt = :u',
        ExpressionAttributeValues: { ':school': student.schoolId, ':u': student.updatedAt },
      },
    },
    linkSupervisor(student.schoolId, student.internship.supervisorId, -1),
    ...counters(student, null),
  ]);
}

/**
 * Marks a student stopped; allowed after acceptance too (the accepting service must see it).
 * A dual learner who stops frees their mentor's slot in the same write. The write holds only on
 * the version that was read, so an acceptance in between cannot leave a slot taken by a learner
 * who stopped (nor move the counters from a stale student); the caller reads again then.
 */
export async function stopStudent(student: StoredStudent, at: string): Promise<void> {
  const mentor = student.track === 'dual' ? student.placement?.contactId : undefined;
  await transact([
    {
      Update: {
        TableName: table(),
        Key: keys.student(student.id),
        // Leaving the open index hides the student from every service that has not accepted them.
        UpdateExpression: 'SET stoppedAt = :at, updatedAt = :at REMOVE gsi2pk, gsi2sk',
        ConditionExpression:
          'attribute_exists(pk) AND schoolId = :school AND attribute_not_exists(stoppedAt) AND updatedAt = :u',
        ExpressionAttributeValues: { ':at': at, ':school': student.schoolId, ':u': student.updatedAt },
      },
    },
    ...counters(student, { ...student, stoppedAt: at }),
    ...(mentor && student.placement ? [freeMentorSlot(student.placement.serviceId, mentor)] : []),
  ]);
}

/** One current dual learner less for this mentor. */
const freeMentorSlot = (serviceId: string, mentor: string) => ({
  Update: {
    TableName: table(),
    Key: keys.contact(serviceId, mentor),
    UpdateExpression: 'ADD dualLearners :minus',
    ConditionExpression: 'attribute_exists(pk) AND dualLearners > :zero',
    ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
  },
});

export async function getStudent(id: string): Promise<StoredStudent | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.student(id), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as StoredStudent) : null;
}

/** A school's students, newest registration first: one query on the school index. */
export function listStudentsOfSchool(schoolId: string): Promise<StoredStudent[]> {
  return queryAll<StoredStudent>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `SCHOOL#${schoolId}` },
    ScanIndexForward: false,
  });
}
