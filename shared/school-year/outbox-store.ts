import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import type { Mail } from '#platform/mailer';
import { count, FIGURES } from '#platform/metrics';
import { putIfAbsent, refusedByCondition } from '#platform/table/items';
import { keys, stripKeys } from '#platform/table/keys';
import { queryAll } from '#platform/table/query-all';
import type { Moment } from './rules';

const table = () => settings.tableName();

/** A mailing moment of a round: pending until every one of its mails is sent or given up on. */
export interface StoredMoment {
  roundId: string;
  moment: string;
  kind: Moment['kind'];
  at: string;
  status: 'pending' | 'done';
  /** A `news` moment: what happened to the student (`#students/news` → `SchoolNews`). */
  news?: unknown;
}

/**
 * One mail of one moment to one person. Its key is its deterministic id (round, moment, person),
 * written with a conditional put before anything is sent: a schedule delivered three times, a
 * retry after a crash or a re-plan finds it there and sends nothing twice.
 */
export interface OutboxMail {
  roundId: string;
  moment: string;
  personId: string;
  organisationId: string;
  organisationName: string;
  mail: Mail;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  claimedUntil?: string;
  sentAt?: string;
  lastError?: string;
  failedAt?: string;
}

/** Records a due moment once; later calls leave it as it is (pending or done). */
export const ensureMoment = (m: Moment) =>
  putIfAbsent({
    ...keys.mailingMoment(m.roundId, m.id),
    roundId: m.roundId,
    moment: m.id,
    kind: m.kind,
    at: m.at,
    status: 'pending',
  });

/** "Send the reminders now": a moment of its own, picked up by the next tick. */
export const requestManualMoment = (roundId: string, moment: string, now: Date) =>
  putIfAbsent({
    ...keys.mailingMoment(roundId, moment),
    roundId,
    moment,
    kind: 'reminder',
    at: now.toISOString(),
    status: 'pending',
  });

export function pendingMoments(): Promise<StoredMoment[]> {
  return queryAll<StoredMoment>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: '#s = :pending',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':pk': keys.mailingsPartition, ':pending': 'pending' },
    ConsistentRead: true,
  });
}

export async function markMomentDone(roundId: string, moment: string, at: string): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.mailingMoment(roundId, moment),
      UpdateExpression: 'SET #s = :done, doneAt = :at',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':at': at },
    }),
  );
}

/** Queues a mail once; true when it was new (a second delivery of the same moment adds nothing). */
export async function addToOutbox(mail: Omit<OutboxMail, 'status' | 'attempts'>): Promise<boolean> {
  const added = await putIfAbsent({
    ...keys.outboxMail(mail.roundId, mail.moment, mail.personId),
    ...mail,
    status: 'pending',
    attempts: 0,
  });
  if (added) count(FIGURES.mailsQueued);
  return added;
}

export async function outboxOf(roundId: string, moment: string): Promise<OutboxMail[]> {
  const items = await queryAll<Record<string, unknown>>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.outboxPartition(roundId, moment) },
    ConsistentRead: true,
  });
  return items.map((i) => stripKeys(i) as unknown as OutboxMail);
}

/**
 * Takes a pending mail for sending, for `leaseMs`: two ticks running at once never both send it,
 * and a sender that crashed before sending leaves it to the next tick once the lease ran out.
 */
export async function claim(m: OutboxMail, now: Date, leaseMs: number): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.outboxMail(m.roundId, m.moment, m.personId),
        UpdateExpression: 'SET claimedUntil = :until',
        ConditionExpression: '#s = :pending AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':now': now.toISOString(),
          ':until': new Date(now.getTime() + leaseMs).toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}

export async function markSent(m: OutboxMail, messageId: string, at: Date): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.outboxMail(m.roundId, m.moment, m.personId),
      UpdateExpression:
        'SET #s = :sent, sentAt = :at, messageId = :id, attempts = attempts + :one REMOVE claimedUntil',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':at': at.toISOString(), ':id': messageId, ':one': 1 },
    }),
  );
}

/** A failed attempt; after the last one the mail is `failed` and listed for the admin. */
export async function markAttemptFailed(
  m: OutboxMail,
  error: string,
  at: Date,
  final: boolean,
): Promise<void> {
  const when = at.toISOString();
  await dynamoClient().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.outboxMail(m.roundId, m.moment, m.personId),
      UpdateExpression: final
        ? 'SET attempts = attempts + :one, lastError = :e, #s = :failed, failedAt = :at, gsi1pk = :g1, gsi1sk = :g1s REMOVE claimedUntil'
        : 'SET attempts = attempts + :one, lastError = :e REMOVE claimedUntil',
      ...(final ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
      ExpressionAttributeValues: {
        ':one': 1,
        ':e': error.slice(0, 300),
        ...(final
          ? {
              ':failed': 'failed',
              ':at': when,
              ':g1': keys.failedMail(when, '').gsi1pk,
              ':g1s': keys.failedMail(when, `${m.roundId}#${m.moment}#${m.personId}`).gsi1sk,
            }
          : {}),
      },
    }),
  );
}

/** Mails given up on after their retries, newest first: what the admin must see. */
export async function failedMails(): Promise<OutboxMail[]> {
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.failedMailPartition },
      ScanIndexForward: false,
      Limit: 200,
    }),
  );
  return (page.Items ?? []).map((i) => stripKeys(i) as unknown as OutboxMail);
}

/**
 * A mail queued as part of another transaction (a release): the act's own condition makes it happen
 * once, and the deterministic key keeps it once even so. `moment` goes with the first mail of an id.
 */
export function queuedMailPuts(
  roundId: string,
  at: string,
  mails: { personId: string; organisationId: string; organisationName: string; mail: Mail }[],
  now: Date,
) {
  const put = (Item: Record<string, unknown>) => ({
    Put: { TableName: table(), Item, ConditionExpression: 'attribute_not_exists(pk)' },
  });
  return [
    ...mails.map((m) =>
      put({
        ...keys.outboxMail(roundId, 'send', m.personId),
        roundId,
        moment: 'send',
        ...m,
        status: 'pending',
        attempts: 0,
        createdAt: now.toISOString(),
      }),
    ),
    put({
      ...keys.mailingMoment(roundId, 'send'),
      roundId,
      moment: 'send',
      kind: 'adhoc',
      at,
      status: 'pending',
    }),
  ];
}

/** How many mails were given up on since the moment given. */
export async function failedMailsSince(since: string): Promise<number> {
  const page = await dynamoClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :since',
      ExpressionAttributeValues: { ':pk': keys.failedMailPartition, ':since': since },
      Select: 'COUNT',
    }),
  );
  return page.Count ?? 0;
}
