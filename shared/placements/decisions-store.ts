import { randomBytes } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Decision, DecisionStatus } from '#contract/decisions';
import type { Placement } from '#contract/students';
import { brusselsDate } from '#kernel/time';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { type CountedStudent, countDeltas } from '#statistics/rules';
import { counterUpdates } from '#statistics/store';
import type { StoredStudent } from '#students/rules';
import { sameVersion } from '#students/store';

const table = () => settings.tableName();

/** Why an acceptance did not go through. */
export class AcceptanceRefused extends Error {
  constructor(
    readonly reason: 'taken' | 'contact' | 'already-accepted-here',
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

/** This service's decisions, by student: one query on the service's decision index. */
export async function decisionsOfService(
  serviceId: string,
  status?: DecisionStatus,
): Promise<Map<string, DecisionStatus>> {
  const items = await queryAll<{ studentId: string; status: DecisionStatus }>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: status ? 'gsi1pk = :pk AND begins_with(gsi1sk, :s)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `DECISIONS#${serviceId}`, ...(status ? { ':s': `${status}#` } : {}) },
    ProjectionExpression: 'studentId, #s',
    ExpressionAttributeNames: { '#s': 'status' },
  });
  return new Map(items.map((d) => [d.studentId, d.status]));
}

/** A reversible decision; refused once this service accepted the student (that is final). */
export async function recordDecision(decision: Decision): Promise<boolean> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: decisionPut(decision),
              ConditionExpression: 'attribute_not_exists(pk) OR #s <> :accepted',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':accepted': 'accepted' },
            },
          },
          historyPut(decision),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException && reasons(error)[0] === 'ConditionalCheckFailed')
      return false;
    throw error;
  }
}

const reasons = (error: TransactionCanceledException) =>
  (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');

/**
 * The exclusive acceptance, as one transaction: the student gets the placement only if nobody
 * placed them and they did not stop, and leaves the open index in the same write. Whatever the
 * timing, one service wins. DynamoDB cancels transactions that merely collide with another
 * (TransactionConflict); those are tried again, since nothing was decided.
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
): Promise<void> {
  const placedOn = brusselsDate(new Date(placement.acceptedAt));
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
    { Put: { TableName: table(), Item: decisionPut(decision) } },
    {
      Update: {
        TableName: table(),
        Key: keys.contact(decision.serviceId, contactId),
        UpdateExpression: 'ADD acceptanceCount :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    historyPut(decision),
    // The sector's figures move in the same write: placed per province, school and day.
    ...countDeltas(counted, { ...counted, placed: true }, placedOn).flatMap((t) =>
      counterUpdates(t.track, t.deltas),
    ),
  ];
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamoClient().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [student, , contact] = reasons(error);
      if (student === 'ConditionalCheckFailed') {
        const old = error.CancellationReasons?.[0]?.Item;
        throw new AcceptanceRefused('taken', old ? (stripKeys(unmarshall(old)) as StoredStudent) : undefined);
      }
      if (contact === 'ConditionalCheckFailed') throw new AcceptanceRefused('contact');
      if (!reasons(error).includes('TransactionConflict') || attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}

export function historyOf(studentId: string): Promise<Decision[]> {
  return queryAll<Decision>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
    ExpressionAttributeValues: { ':pk': `STUDENT#${studentId}`, ':h': 'HISTORY#' },
    ConsistentRead: true,
  });
}
