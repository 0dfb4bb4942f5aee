import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DecisionStatus } from '#contract/requests';
import { sameVersion } from '#kernel/concurrency';
import { type MentorRead, releaseLearner, writeLearner } from '#people/mentor-slots';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { countedOf } from '#statistics/counted';
import { openCountDeltas } from '#statistics/open-counts';
import { openCountUpdates } from '#statistics/open-counts-store';
import { countDeltas } from '#statistics/rules';
import { counterUpdates } from '#statistics/store';
import { type StoredStudent, selectingStart } from './rules';

const table = () => settings.tableName();

/**
 * Why a student write was refused: the student changed, the supervisor is gone, the school has this
 * person already, or (resuming a dual learner) their mentor changed since they were counted.
 */
export class StudentWriteRefused extends Error {
  constructor(readonly reason: 'student' | 'supervisor' | 'duplicate' | 'mentor-changed') {
    super(reason);
  }
}

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];
type Tagged = { item: TransactItem; refusal: StudentWriteRefused['reason'] | null };

/**
 * The counter updates that go with a student's change, in the same transaction: the dashboard's
 * and the list totals (a student entering, leaving or moving within the open index). `before` is
 * the version the write is conditional on, so the counts cannot drift from the students.
 */
function counters(before: StoredStudent | null, after: StoredStudent | null): Tagged[] {
  const [was, is] = [before && countedOf(before), after && countedOf(after)];
  return [
    ...countDeltas(was, is).flatMap((t) => counterUpdates(t.track, t.deltas)),
    ...openCountUpdates(openCountDeltas(was?.open ?? null, is?.open ?? null)),
  ].map((item) => ({ refusal: null, item }));
}

const linkSupervisor = (schoolId: string, supervisorId: string, delta: 1 | -1): Tagged => ({
  refusal: 'supervisor',
  item: {
    Update: {
      TableName: table(),
      Key: keys.supervisor(schoolId, supervisorId),
      UpdateExpression: 'ADD studentCount :d',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':d': delta },
    },
  },
});

/** The school's claim on a national register number: a second student with it is refused. */
const claimNationalNumber = (s: StoredStudent): Tagged[] =>
  s.nationalNumberHash
    ? [
        {
          refusal: 'duplicate',
          item: {
            Put: {
              TableName: table(),
              Item: {
                ...keys.nationalNumberClaim(s.nationalNumberHash, s.schoolId),
                studentId: s.id,
                schoolId: s.schoolId,
                schoolName: s.schoolName,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ]
    : [];

const releaseNationalNumber = (s: StoredStudent): Tagged[] =>
  s.nationalNumberHash
    ? [
        {
          refusal: null,
          item: {
            Delete: {
              TableName: table(),
              Key: keys.nationalNumberClaim(s.nationalNumberHash, s.schoolId),
              ConditionExpression: 'attribute_not_exists(pk) OR studentId = :id',
              ExpressionAttributeValues: { ':id': s.id },
            },
          },
        },
      ]
    : [];

const studentItem = (s: StoredStudent) => ({
  ...keys.student(s.id),
  ...keys.studentBySchool(s.schoolId, s.registeredAt, s.id),
  ...(s.placement || s.stoppedAt
    ? {}
    : keys.openStudent(s.track, s.province, s.address.postcode, s.lastName, s.id)),
  ...s,
  firstPeriodStart: selectingStart(s),
});

/** Only an open student of this school may change: not accepted, not stopped. */
const STILL_OPEN =
  'attribute_exists(pk) AND schoolId = :school AND attribute_not_exists(placement) AND attribute_not_exists(stoppedAt)';

async function transact(tagged: Tagged[]) {
  try {
    await dynamoClient().send(new TransactWriteCommand({ TransactItems: tagged.map((t) => t.item) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const failed = error.CancellationReasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
    const refusal = tagged[failed]?.refusal;
    if (!refusal) throw error;
    throw new StudentWriteRefused(refusal);
  }
}

/** An item written in the same transaction as the student (an admin notice): both or neither. */
export type Alongside = Record<string, unknown>;
const alongside = (items: Alongside[]): Tagged[] =>
  items.map((Item) => ({ refusal: null, item: { Put: { TableName: table(), Item } } }));

export async function createStudent(student: StoredStudent, extra: Alongside[] = []): Promise<void> {
  await transact([
    {
      refusal: 'student',
      item: {
        Put: {
          TableName: table(),
          Item: studentItem({ ...student, version: 1 }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    linkSupervisor(student.schoolId, student.internship.supervisorId, 1),
    ...claimNationalNumber(student),
    ...counters(null, student),
    ...alongside(extra),
  ]);
}

/** Writes the school's edit only if nobody placed, stopped or changed the student since it was read. */
export async function replaceStudent(
  previous: StoredStudent,
  next: StoredStudent,
  extra: Alongside[] = [],
): Promise<void> {
  const moved = previous.internship.supervisorId !== next.internship.supervisorId;
  const renumbered = previous.nationalNumberHash !== next.nationalNumberHash;
  const version = sameVersion(previous.version);
  await transact([
    {
      refusal: 'student',
      item: {
        Put: {
          TableName: table(),
          Item: studentItem({ ...next, version: (previous.version ?? 0) + 1 }),
          ConditionExpression: `${STILL_OPEN} AND ${version.condition}`,
          ExpressionAttributeNames: version.names,
          ExpressionAttributeValues: { ':school': next.schoolId, ...version.values },
        },
      },
    },
    ...(moved
      ? [
          linkSupervisor(next.schoolId, next.internship.supervisorId, 1),
          linkSupervisor(previous.schoolId, previous.internship.supervisorId, -1),
        ]
      : []),
    ...(renumbered ? [...releaseNationalNumber(previous), ...claimNationalNumber(next)] : []),
    ...counters(previous, next),
    ...alongside(extra),
  ]);
}

/** Deletes the student only if unchanged since it was read: the counters come from that version. */
export async function deleteStudent(student: StoredStudent): Promise<void> {
  const version = sameVersion(student.version);
  await transact([
    {
      refusal: 'student',
      item: {
        Delete: {
          TableName: table(),
          Key: keys.student(student.id),
          ConditionExpression: `attribute_exists(pk) AND schoolId = :school AND attribute_not_exists(placement) AND ${version.condition}`,
          ExpressionAttributeNames: version.names,
          ExpressionAttributeValues: { ':school': student.schoolId, ...version.values },
        },
      },
    },
    linkSupervisor(student.schoolId, student.internship.supervisorId, -1),
    ...releaseNationalNumber(student),
    ...counters(student, null),
  ]);
}

/** The school's student who has this national register number (by its keyed hash), if any. */
export async function studentWithNationalNumber(hash: string, schoolId: string): Promise<string | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({
      TableName: table(),
      Key: keys.nationalNumberClaim(hash, schoolId),
      ConsistentRead: true,
    }),
  );
  return (Item?.studentId as string | undefined) ?? null;
}

/** Every school's student with this number: a person may change schools, and the admin hears of it. */
export function claimsOnNationalNumber(
  hash: string,
): Promise<{ studentId: string; schoolId: string; schoolName: string }[]> {
  return queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.nationalNumberClaims(hash) },
    ProjectionExpression: 'studentId, schoolId, schoolName',
    ConsistentRead: true,
  });
}

/**
 * Marks a student stopped; allowed after acceptance too (the accepting service must see it). Only
 * if unchanged since it was read (the counters come from that version); raises the version.
 * A dual learner who stops frees their mentor's slot in the same write, so an acceptance in
 * between cannot leave a slot taken by a learner who stopped; the caller reads again then.
 */
export async function stopStudent(
  student: StoredStudent,
  at: string,
  extra: Alongside[] = [],
): Promise<void> {
  const version = sameVersion(student.version);
  const mentor = mentorOf(student);
  await transact([
    {
      refusal: 'student',
      item: {
        Update: {
          TableName: table(),
          Key: keys.student(student.id),
          // Leaving the open index hides the student from every service that has not accepted them.
          UpdateExpression: 'SET stoppedAt = :at, updatedAt = :at REMOVE gsi2pk, gsi2sk ADD #version :one',
          ConditionExpression: `attribute_exists(pk) AND schoolId = :school AND attribute_not_exists(stoppedAt) AND ${version.condition}`,
          ExpressionAttributeNames: version.names,
          ExpressionAttributeValues: { ':at': at, ':one': 1, ':school': student.schoolId, ...version.values },
        },
      },
    },
    ...counters(student, { ...student, stoppedAt: at }),
    ...(mentor ? [{ refusal: null, item: releaseLearner(mentor, student.id) }] : []),
    ...alongside(extra),
  ]);
}

/** The mentor whose slot a placed dual learner takes (older placements name no contactId). */
export const mentorOf = (s: StoredStudent) =>
  s.track === 'dual' && s.placement?.contactId
    ? { serviceId: s.placement.serviceId, contactId: s.placement.contactId }
    : undefined;

/**
 * Undoes "gestopt": the student is back as they were, and back in the open index unless a service
 * had placed them before they stopped. Conditional on the version read (the counters move back
 * from stopped to not stopped, computed from it) and raises it, so nothing acts on the stopped state.
 * A placed dual learner is back with their mentor in the same write (`slot`: the mentor as read and
 * their contract's end); when that takes a slot (`guarded`), only if the mentor is still as read
 * when the caller counted their learners (refused as 'mentor-changed' otherwise).
 */
export async function resumeStudent(
  student: StoredStudent,
  at: string,
  slot?: { mentor: MentorRead; end: string | null; guarded: boolean },
): Promise<void> {
  const open = keys.openStudent(
    student.track,
    student.province,
    student.address.postcode,
    student.lastName,
    student.id,
  );
  const version = sameVersion(student.version);
  const { stoppedAt: _stopped, ...resumed } = student;
  await transact([
    {
      refusal: 'student',
      item: {
        Update: {
          TableName: table(),
          Key: keys.student(student.id),
          UpdateExpression: student.placement
            ? 'REMOVE stoppedAt SET updatedAt = :at ADD #version :one'
            : 'REMOVE stoppedAt SET updatedAt = :at, gsi2pk = :g2pk, gsi2sk = :g2sk ADD #version :one',
          ConditionExpression: `attribute_exists(pk) AND schoolId = :school AND attribute_exists(stoppedAt) AND ${version.condition}`,
          ExpressionAttributeNames: version.names,
          ExpressionAttributeValues: {
            ':at': at,
            ':one': 1,
            ':school': student.schoolId,
            ...version.values,
            ...(student.placement ? {} : { ':g2pk': open.gsi2pk, ':g2sk': open.gsi2sk }),
          },
        },
      },
    },
    ...counters(student, { ...resumed, updatedAt: at }),
    ...(slot
      ? [
          {
            refusal: 'mentor-changed' as const,
            item: writeLearner(slot.mentor, student.id, slot.end, { guarded: slot.guarded }),
          },
        ]
      : []),
  ]);
}

export async function getStudent(id: string): Promise<StoredStudent | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.student(id), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as StoredStudent) : null;
}

/**
 * This service's decisions, by student: one query on the service's decision index. The decisions
 * are written by requests; they are read here, below it, because trajectory (a service's dual
 * learners) needs the accepted ones as much as the services' list does.
 */
export async function decisionsOfService(
  serviceId: string,
  status?: DecisionStatus,
): Promise<Map<string, DecisionStatus>> {
  const items = await queryAll<{ studentId: string; status: DecisionStatus }>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: status ? 'gsi1pk = :pk AND begins_with(gsi1sk, :s)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: {
      ':pk': keys.decisionByServicePartition(serviceId),
      ...(status ? { ':s': keys.decisionByServicePrefix(status) } : {}),
    },
    ProjectionExpression: 'studentId, #s',
    ExpressionAttributeNames: { '#s': 'status' },
  });
  return new Map(items.map((d) => [d.studentId, d.status]));
}

/** A school's students, newest registration first: one query on the school index. */
export function listStudentsOfSchool(schoolId: string): Promise<StoredStudent[]> {
  return queryAll<StoredStudent>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.studentBySchoolPartition(schoolId) },
    ScanIndexForward: false,
  });
}
