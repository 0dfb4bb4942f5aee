import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type Evaluation,
  type EvaluationCounts,
  HOUR_CONTEXTS,
  type HourContext,
  type HoursEntry,
  type TrainingContract,
} from '#contract/trajectory';
import { sameVersion } from '#kernel/concurrency';
import { type MentorRead, writeLearner } from '#people/mentor-slots';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { cancellationReasons, type TransactItems, transactWrite } from '#platform/table/transact';
import type { StoredStudent } from '#students/rules';
import { emptyByContext } from './rules';

const table = () => settings.tableName();

/** A student's running state after the match: hour sums per context, remote supervision, completion. */
export interface TrajectoryState {
  studentId: string;
  byContext: Record<HourContext, number>;
  remoteSupervision: boolean;
  remoteSince: string | null;
  completedAt: string | null;
}

const hoursAttribute = (context: HourContext) => `hours_${context}`;

/** A trajectory as stored (or none yet), as its state: for callers that read the item themselves. */
export function toState(
  studentId: string,
  item: Record<string, unknown> | undefined | null,
): TrajectoryState {
  const byContext = emptyByContext();
  for (const c of HOUR_CONTEXTS) byContext[c] = Number(item?.[hoursAttribute(c)] ?? 0);
  return {
    studentId,
    byContext,
    remoteSupervision: item?.remoteSupervision === true,
    remoteSince: (item?.remoteSince as string | undefined) ?? null,
    completedAt: (item?.completedAt as string | undefined) ?? null,
  };
}

/** Thrown when a write finds the trajectory already completed. */
export class TrajectoryClosed extends Error {}

const notCompleted = {
  ConditionExpression: 'attribute_not_exists(completedAt)',
};

async function transact(items: TransactItems) {
  try {
    await dynamoClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new TrajectoryClosed();
    throw error;
  }
}

/** The entry and its context's running sum move together, so lists can show the rule without a query per student. */
export async function addHours(entry: HoursEntry): Promise<void> {
  await transact([
    { Put: { TableName: table(), Item: { ...keys.hours(entry.studentId, entry.date, entry.id), ...entry } } },
    {
      Update: {
        TableName: table(),
        Key: keys.trajectory(entry.studentId),
        UpdateExpression: 'SET studentId = :s ADD #h :n',
        ExpressionAttributeNames: { '#h': hoursAttribute(entry.context) },
        ExpressionAttributeValues: { ':n': entry.hours, ':s': entry.studentId },
        ...notCompleted,
      },
    },
  ]);
}

export function hoursOfStudent(studentId: string): Promise<HoursEntry[]> {
  return queryAll<HoursEntry>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': keys.studentPartition(studentId), ':sk': keys.hoursPrefix },
    ConsistentRead: true,
  });
}

export async function addEvaluation(studentId: string, evaluation: Evaluation): Promise<void> {
  await transact([
    {
      Put: {
        TableName: table(),
        Item: { ...keys.evaluation(studentId, evaluation.at, evaluation.id), studentId, ...evaluation },
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.trajectory(studentId),
        UpdateExpression: 'SET studentId = :s',
        ExpressionAttributeValues: { ':s': studentId },
        ...notCompleted,
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.stats('EVALUATIONS'),
        UpdateExpression: 'ADD #c :one',
        ExpressionAttributeNames: { '#c': `${evaluation.kind}_${evaluation.verdict}` },
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ]);
}

export function evaluationsOf(studentId: string): Promise<Evaluation[]> {
  return queryAll<Evaluation>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': keys.studentPartition(studentId), ':sk': keys.evaluationPrefix },
    ConsistentRead: true,
  });
}

export async function trajectoryOf(studentId: string): Promise<TrajectoryState> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.trajectory(studentId), ConsistentRead: true }),
  );
  return toState(studentId, Item);
}

export async function trajectoriesOf(studentIds: string[]): Promise<Map<string, TrajectoryState>> {
  const items = await batchGet<Record<string, unknown>>(studentIds.map((id) => keys.trajectory(id)));
  const found = new Map(items.map((i) => [String(i.studentId), i]));
  return new Map(studentIds.map((id) => [id, toState(id, found.get(id))]));
}

export async function setRemoteSupervision(studentId: string, on: boolean, at: string): Promise<void> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.trajectory(studentId),
        UpdateExpression: 'SET studentId = :s, remoteSupervision = :on, remoteSince = :at',
        ExpressionAttributeValues: { ':s': studentId, ':on': on, ':at': on ? at : null },
        ...notCompleted,
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new TrajectoryClosed();
    throw error;
  }
}

export async function markCompleted(studentId: string, at: string): Promise<void> {
  await transact([
    {
      Update: {
        TableName: table(),
        Key: keys.trajectory(studentId),
        UpdateExpression: 'SET studentId = :s, completedAt = :at',
        ExpressionAttributeValues: { ':s': studentId, ':at': at },
        ...notCompleted,
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.stats('EVALUATIONS'),
        UpdateExpression: 'ADD completed :one',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  ]);
}

export async function evaluationCounts(): Promise<EvaluationCounts> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.stats('EVALUATIONS'), ConsistentRead: true }),
  );
  const n = (name: string) => Number(Item?.[name] ?? 0);
  return {
    interim: { positive: n('interim_positive'), negative: n('interim_negative') },
    final: { positive: n('final_positive'), negative: n('final_negative') },
    completed: n('completed'),
  };
}

/**
 * Thrown when the student changed since it was read (another change of the contract, a stop), or
 * is no longer placed with this service.
 */
export class StudentChangedMeanwhile extends Error {}

/** Thrown when the mentor's learners changed since they were counted. */
export class MentorChangedMeanwhile extends Error {}

/**
 * The training contract's dates go on the placement itself; only the accepting service may set them.
 * Conditional on the student's version as read (`student`), and raises it: of two changes made
 * from the same read, one is refused (`StudentChangedMeanwhile`), so nothing computed from the
 * older state is written. A placed dual learner's contract end moves into their mentor's item in
 * the same write (`slot`, see `#people/mentor-slots`): an end date that passed frees the slot, a
 * later one takes it (`guarded`: only if the mentor is as read when their learners were counted).
 */
export async function setTrainingContract(
  student: StoredStudent,
  serviceId: string,
  contract: TrainingContract,
  slot?: { mentor: MentorRead; guarded: boolean },
): Promise<void> {
  const version = sameVersion(student.version);
  const items = [
    {
      Update: {
        TableName: table(),
        Key: keys.student(student.id),
        UpdateExpression: 'SET placement.trainingContract = :c ADD #version :one',
        ConditionExpression: `placement.serviceId = :svc AND ${version.condition}`,
        ExpressionAttributeNames: version.names,
        ExpressionAttributeValues: { ':c': contract, ':svc': serviceId, ':one': 1, ...version.values },
      },
    },
    ...(slot ? [writeLearner(slot.mentor, student.id, contract.end, { guarded: slot.guarded })] : []),
  ];
  try {
    await transactWrite(items, 5);
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const [onStudent, onMentor] = cancellationReasons(error);
    if (onStudent === 'ConditionalCheckFailed') throw new StudentChangedMeanwhile();
    if (onMentor === 'ConditionalCheckFailed') throw new MentorChangedMeanwhile();
    throw error;
  }
}

/** Claims a once-only job (a reminder to one service); false when an earlier run claimed it. */
export async function claimJob(name: string, at: string): Promise<boolean> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.job(name), name, at },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function releaseJob(name: string): Promise<void> {
  await dynamoClient().send(new DeleteCommand({ TableName: table(), Key: keys.job(name) }));
}
