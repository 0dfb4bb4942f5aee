import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DECISION_STATUSES,
  type Decision,
  type DecisionStatus,
  type StatusCounts,
  type StoredDecision,
} from '#contract/requests';
import type { Placement } from '#contract/students';
import { refuseIfArchivedMeanwhile, servedYearNotArchived } from '#http/archived-year';
import { sameVersion } from '#kernel/concurrency';
import { brusselsDate } from '#kernel/time';
import { contacts } from '#people/contacts';
import { type MentorRead, mentorRead, writeLearner } from '#people/mentor-slots';
import { currentLearners } from '#people/rules';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { batchGet } from '#platform/table/batch-get';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { cancellationReasons, type TransactItems, transactWrite } from '#platform/table/transact';
import { openCountDeltas } from '#statistics/open-counts';
import { openCountUpdates } from '#statistics/open-counts-store';
import { type CountedStudent, countDeltas } from '#statistics/rules';
import { counterUpdates } from '#statistics/store';
import type { StoredStudent } from '#students/rules';

const table = () => settings.tableName();

/** Why an acceptance did not go through. */
export class AcceptanceRefused extends Error {
  constructor(
    readonly reason: 'taken' | 'contact' | 'mentor-full' | 'mentor-changed' | 'already-accepted-here',
    /** The student as the refused transaction found them, when the store handed them back. */
    readonly student?: StoredStudent | null,
  ) {
    super(reason);
  }
}

const historyPut = (d: Decision) => ({
  Put: {
    TableName: table(),
    // A random suffix: two decisions in the same millisecond both stay in the history.
    Item: {
      ...keys.history(d.studentId, `${d.decidedAt}#${randomBytes(3).toString('hex')}`, d.serviceId),
      ...d,
    },
  },
});

const decisionPut = (d: Decision, extra: Record<string, unknown> = {}) => ({
  ...keys.decision(d.studentId, d.serviceId),
  ...keys.decisionByService(d.serviceId, d.status, d.studentId),
  ...d,
  ...extra,
});

/** This service's decisions with what its list needs: status, track, and when it was chosen. */
export async function serviceDecisions(serviceId: string) {
  const items = await queryAll<{
    studentId: string;
    status: DecisionStatus;
    decidedAt: string;
    track?: string;
    invitedAt?: string;
  }>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.decisionByServicePartition(serviceId) },
    ProjectionExpression: 'studentId, #s, decidedAt, track, invitedAt',
    ExpressionAttributeNames: { '#s': 'status' },
  });
  return new Map(items.map((d) => [d.studentId, d]));
}

/**
 * One more choice of `status` for this student, counted in the same transaction as the decision
 * (an ADD on the student's counts item), so the counts stay exact whatever the concurrency.
 */
const countChoice = (studentId: string, status: DecisionStatus) => ({
  Update: {
    TableName: table(),
    Key: keys.statusCounts(studentId),
    UpdateExpression: 'SET studentId = :sid ADD #s :one',
    ExpressionAttributeNames: { '#s': status },
    ExpressionAttributeValues: { ':one': 1, ':sid': studentId },
  },
});

export type RecordOutcome = 'recorded' | 'changed-meanwhile';

/**
 * A reversible decision, written only if the service still holds `previous` (so a transition the
 * rules allowed is the one that happens, and a choice is counted once) and the year is not archived
 * (a 409). `invitedAt` is set on the first invitation and never removed. `counted`: whether this is
 * a new choice to count.
 */
export async function recordDecision(
  decision: Decision,
  previous: { status: DecisionStatus; exists: boolean },
  counted: boolean,
  /** Written in the same transaction (the service's decision moment). */
  alongside: TransactItems = [],
): Promise<RecordOutcome> {
  const index = keys.decisionByService(decision.serviceId, decision.status, decision.studentId);
  const values: Record<string, unknown> = {
    ':s': decision.status,
    ':g1pk': index.gsi1pk,
    ':g1sk': index.gsi1sk,
    ':sid': decision.studentId,
    ':svc': decision.serviceId,
    ':at': decision.decidedAt,
    ':by': decision.decidedBy,
    ':track': decision.track ?? null,
    ':sn': decision.serviceName ?? null,
  };
  if (previous.exists) values[':prev'] = previous.status;
  const invited = decision.status === 'invited' ? ', invitedAt = if_not_exists(invitedAt, :at)' : '';
  const items: TransactItems = [
    {
      Update: {
        TableName: table(),
        Key: keys.decision(decision.studentId, decision.serviceId),
        UpdateExpression: `SET #s = :s, gsi1pk = :g1pk, gsi1sk = :g1sk, studentId = :sid, serviceId = :svc, decidedAt = :at, decidedBy = :by, track = :track, serviceName = :sn${invited}`,
        ConditionExpression: previous.exists ? '#s = :prev' : 'attribute_not_exists(pk)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: values,
      },
    },
    historyPut(decision),
    ...(counted ? [countChoice(decision.studentId, decision.status)] : []),
    ...alongside,
    servedYearNotArchived(),
  ];
  try {
    await transactWrite(items, 30);
    return 'recorded';
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    refuseIfArchivedMeanwhile(error, items.length - 1);
    if (cancellationReasons(error)[0] === 'ConditionalCheckFailed') return 'changed-meanwhile';
    throw error;
  }
}

/** This service's decision on this student, if it ever made one. */
export async function getDecision(studentId: string, serviceId: string): Promise<StoredDecision | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.decision(studentId, serviceId), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as StoredDecision) : null;
}

/** Every service's decision on one student (the school's and the admin's view). */
export function decisionsOnStudent(studentId: string): Promise<StoredDecision[]> {
  return queryAll<StoredDecision>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
    ExpressionAttributeValues: { ':pk': keys.studentPartition(studentId), ':d': keys.decisionPrefix },
  });
}

const completeCounts = (item: Record<string, unknown> | undefined): StatusCounts =>
  Object.fromEntries(DECISION_STATUSES.map((s) => [s, Number(item?.[s] ?? 0)])) as StatusCounts;

/** How often services chose each status for these students (0 for statuses never chosen). */
export async function statusCountsOf(studentIds: string[]): Promise<Map<string, StatusCounts>> {
  const items = await batchGet<Record<string, unknown>>(
    studentIds.map((id) => keys.statusCounts(id)),
    ['studentId', ...DECISION_STATUSES],
  );
  const byId = new Map(items.map((i) => [String(i.studentId), i]));
  return new Map(studentIds.map((id) => [id, completeCounts(byId.get(id))]));
}

/**
 * The exclusive acceptance, as one transaction: the student gets the placement only if nobody
 * placed them and they did not stop, and leaves the open index in the same write; an archived year
 * refuses it (a 409). Whatever the
 * timing, one service wins. DynamoDB cancels transactions that merely collide with another
 * (TransactionConflict); those are tried again, since nothing was decided.
 *
 * A dual learner also takes a slot of their mentor, counted on the day of the acceptance from the
 * mentor as read (`dual.mentor`, see `#people/mentor-slots`): refused as 'mentor-full' without
 * writing when the mentor's current learners reach the limit. The write is conditional on the
 * mentor being as read; when another write came first, the mentor is read and counted again
 * (up to 5 times, then refused as 'mentor-changed').
 */
export async function acceptStudent(
  decision: Decision,
  placement: Placement,
  contactId: string,
  /**
   * The student as the service decided on it, with its version: a school edit or stop since then
   * cancels the acceptance, and the counters below were computed from that version.
   */
  counted: CountedStudent,
  dual?: DualAcceptance,
  /** Written in the same transaction, last (the audit entry of the acceptance). */
  alongside: TransactItems = [],
): Promise<void> {
  const placedOn = brusselsDate(new Date(placement.acceptedAt));
  let current = dual;
  for (let read = 0; ; read++) {
    if (current && currentLearners(current.mentor.learners, placedOn) >= current.mentorLimit) {
      throw new AcceptanceRefused('mentor-full');
    }
    try {
      await acceptOnce(decision, placement, contactId, counted, placedOn, current, alongside);
      return;
    } catch (error) {
      if (!(error instanceof AcceptanceRefused) || error.reason !== 'mentor-changed' || !current || read >= 5)
        throw error;
      const fresh = await contacts.get(decision.serviceId, contactId);
      if (!fresh) throw new AcceptanceRefused('contact');
      current = { ...current, mentor: mentorRead(fresh) };
    }
  }
}

async function acceptOnce(
  decision: Decision,
  placement: Placement,
  contactId: string,
  counted: CountedStudent,
  placedOn: string,
  dual: DualAcceptance | undefined,
  alongside: TransactItems,
) {
  const mentor = dual?.mentor;
  const checked = sameVersion(counted.version);
  const items = [
    {
      Update: {
        TableName: table(),
        Key: keys.student(decision.studentId),
        UpdateExpression: 'SET placement = :p, updatedAt = :at REMOVE gsi2pk, gsi2sk ADD #version :one',
        // Raises the version: a school's stop or edit read before the acceptance cannot act on it.
        ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(placement) AND attribute_not_exists(stoppedAt) AND ${checked.condition}`,
        ExpressionAttributeNames: checked.names,
        ExpressionAttributeValues: {
          ':p': placement,
          ':at': placement.acceptedAt,
          ':one': 1,
          ...checked.values,
        },
        // Who took the student (or that they stopped) comes back with the refusal: no second read.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      },
    },
    { Put: { TableName: table(), Item: decisionPut(decision, dual?.keep ?? {}) } },
    mentor
      ? // One more current learner, only while the mentor is as counted: race-free on the last slot.
        writeLearner(mentor, decision.studentId, null, { guarded: true, acceptance: true })
      : contactLink(decision.serviceId, contactId),
    historyPut(decision),
    // Additions after the history entry, so the reasons of the items above keep their positions.
    countChoice(decision.studentId, 'accepted'),
    // The sector's figures move in the same write: placed per province, school and day.
    ...countDeltas(counted, { ...counted, placed: true }, placedOn).flatMap((t) =>
      counterUpdates(t.track, t.deltas),
    ),
    // The student leaves the services' list totals with the open index.
    ...openCountUpdates(openCountDeltas(counted.open ?? null, null)),
    ...alongside,
    // Last: an archived year refuses the acceptance, even one archived since the decision's read.
    servedYearNotArchived(),
  ];
  try {
    await transactWrite(items, 8);
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    refuseIfArchivedMeanwhile(error, items.length - 1);
    const [student, , contact] = cancellationReasons(error);
    if (student === 'ConditionalCheckFailed') {
      const old = error.CancellationReasons?.[0]?.Item;
      throw new AcceptanceRefused('taken', old ? (stripKeys(unmarshall(old)) as StoredStudent) : undefined);
    }
    if (contact === 'ConditionalCheckFailed') {
      // The contact item comes back with the refusal: none, or a mentor who changed meanwhile.
      const exists = Boolean(error.CancellationReasons?.[2]?.Item);
      throw new AcceptanceRefused(exists && mentor ? 'mentor-changed' : 'contact');
    }
    throw error;
  }
}

/** What a dual acceptance adds: the mentor's limit and the mentor as read, and decision fields to keep. */
export interface DualAcceptance {
  mentorLimit: number;
  /** The mentor's contact item as read (its learners and version). */
  mentor: MentorRead;
  keep: Record<string, unknown>;
}

/** The contact person named on an acceptance: a link, so that they cannot be deleted. */
const contactLink = (serviceId: string, contactId: string) => ({
  Update: {
    TableName: table(),
    Key: keys.contact(serviceId, contactId),
    UpdateExpression: 'ADD acceptanceCount :one',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':one': 1 },
  },
});

export function historyOf(studentId: string): Promise<Decision[]> {
  return queryAll<Decision>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
    ExpressionAttributeValues: { ':pk': keys.studentPartition(studentId), ':h': keys.historyPrefix },
    ConsistentRead: true,
  });
}
