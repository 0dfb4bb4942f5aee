import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { auditEntry } from '#audit/record';
import { auditEntryPut } from '#audit/store';
import type { ReleaseRequest } from '#contract/releases';
import type { Caller } from '#http/caller';
import { conflict, notFound } from '#kernel/errors';
import { settings } from '#platform/config';
import { getItem } from '#platform/table/items';
import { keys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import { cancellationReasons, transactWrite } from '#platform/table/transact';
import { getStudent } from '#students/store';

const table = () => settings.tableName();

export const ALREADY_ASKED = 'Je vroeg de sector al om deze plaatsing vrij te geven. Ze bekijken je vraag.';

/** The latest release request for this student, whatever its status. */
export const releaseRequestOf = (studentId: string) =>
  getItem<ReleaseRequest>(keys.releaseRequest(studentId));

/** Every request the sector has still to answer, oldest first. */
export function pendingReleaseRequests(): Promise<ReleaseRequest[]> {
  return queryAll<ReleaseRequest>({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.pendingReleaseRequestPartition },
  });
}

/**
 * "Plaatsing valt weg": the accepting service asks the sector to put the student back in the pool.
 * Only the service that holds the placement may ask (any other gets 404: nothing leaks), once at a
 * time (a second request while one waits is a conflict); the request and its audit entry are one write.
 */
export async function requestRelease(
  caller: Caller,
  studentId: string,
  reason: string,
  now: Date,
): Promise<ReleaseRequest> {
  const student = await getStudent(studentId);
  if (!student?.placement || student.placement.serviceId !== caller.organisationId) throw notFound();
  const at = now.toISOString();
  const request: ReleaseRequest = {
    studentId,
    serviceId: caller.organisationId,
    serviceName: student.placement.serviceName,
    reason,
    requestedAt: at,
    requestedBy: { id: caller.userId, name: caller.name },
    status: 'pending',
    resolvedAt: null,
    resolvedBy: null,
    declineReason: null,
  };
  const entry = auditEntry(
    caller,
    'release.request',
    { kind: 'student', id: studentId, label: `${student.firstName} ${student.lastName}` },
    { serviceId: caller.organisationId },
    now,
  );
  try {
    await transactWrite(
      [
        {
          Put: {
            TableName: table(),
            Item: {
              ...keys.releaseRequest(studentId),
              ...keys.pendingReleaseRequest(at, studentId),
              ...request,
            },
            ConditionExpression: 'attribute_not_exists(pk) OR #s <> :pending',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending' },
          },
        },
        auditEntryPut(entry),
      ],
      3,
    );
  } catch (error) {
    if (
      error instanceof TransactionCanceledException &&
      cancellationReasons(error)[0] === 'ConditionalCheckFailed'
    )
      throw conflict(ALREADY_ASKED);
    throw error;
  }
  return request;
}

/**
 * The sector's answer, as a transaction item: the request leaves the to-do list (only if it still
 * waits, so two answers cannot both go through).
 */
export const resolveReleaseRequest = (
  studentId: string,
  status: 'approved' | 'declined',
  at: string,
  by: { id: string; name: string },
  declineReason: string | null,
) => ({
  Update: {
    TableName: table(),
    Key: keys.releaseRequest(studentId),
    UpdateExpression:
      'SET #s = :s, resolvedAt = :at, resolvedBy = :by, declineReason = :why REMOVE gsi1pk, gsi1sk',
    ConditionExpression: '#s = :pending',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: {
      ':s': status,
      ':at': at,
      ':by': by,
      ':why': declineReason,
      ':pending': 'pending',
    },
  },
});
