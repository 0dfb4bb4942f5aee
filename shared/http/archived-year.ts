import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '#kernel/errors';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { keys } from '#platform/table/keys';
import type { RouteDef } from './route-types';

/**
 * An archived school year is read-only: every write to it answers 409, decided here once for all
 * routes by method and route, so no feature has to remember it. Reads stay open, and so do the
 * writes that only serve reading: signing in and out, exports, the admin's audited reveal, and the
 * year's own retention date in the registry.
 */
export const ALLOWED_WHEN_ARCHIVED: ReadonlySet<string> = new Set([
  'login',
  'refresh',
  'logout',
  'exports-start',
  'admin-students-reveal',
  'school-years-update',
]);

/**
 * Writes refused like every other when the year is archived, but checked by the route itself: it
 * reads the registry entry in the batch read it makes anyway (`servedYearEntry`) and conditions its
 * transaction on it (`servedYearNotArchived`), so the 12:00 decision makes no read of its own for
 * it, and an archiving between the read and the write is refused too.
 */
export const CHECKED_BY_THE_ROUTE: ReadonlySet<string> = new Set(['requests-decide']);

export const isWrite = (route: Pick<RouteDef, 'method'>) => route.method !== 'GET';

export const archivedMessage = (schoolYear: string) =>
  `Het schooljaar ${schoolYear} is gearchiveerd: je kan alles bekijken en exporteren, maar niets meer wijzigen.`;

/** Whether the registry marks the served year archived; one small read, made by writes only. */
async function servedYearArchived(schoolYear: string): Promise<boolean> {
  const { Item } = await dynamoClient().send(
    new GetCommand({
      TableName: settings.yearsTable(),
      Key: keys.schoolYear(schoolYear),
      ProjectionExpression: '#status',
      ExpressionAttributeNames: { '#status': 'status' },
    }),
  );
  return Item?.status === 'archived';
}

/** 409 with a Dutch message for a write to an archived year; nothing for reads and allowed writes. */
export async function refuseWritesToArchivedYear(route: Pick<RouteDef, 'id' | 'method'>): Promise<void> {
  if (!isWrite(route) || ALLOWED_WHEN_ARCHIVED.has(route.id) || CHECKED_BY_THE_ROUTE.has(route.id)) return;
  const schoolYear = settings.schoolYear();
  if (await servedYearArchived(schoolYear)) throw conflict(archivedMessage(schoolYear));
}

/** The served year's registry entry, as a key of `getItems` (`#platform/table/batch-get`). */
export const servedYearEntry = () => ({
  ...keys.schoolYear(settings.schoolYear()),
  table: settings.yearsTable(),
});

/** The 409 of a write to an archived year, when the registry entry read says so. */
export function refuseIfArchived(entry: { status?: unknown } | null): void {
  if (entry?.status === 'archived') throw conflict(archivedMessage(settings.schoolYear()));
}

/**
 * A transaction item: the transaction goes through only while the served year is not archived (a
 * year without a registry entry, as in a fresh local stack, is not).
 */
export const servedYearNotArchived = () => ({
  ConditionCheck: {
    TableName: settings.yearsTable(),
    Key: keys.schoolYear(settings.schoolYear()),
    ConditionExpression: 'attribute_not_exists(#status) OR #status <> :archived',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':archived': 'archived' },
  },
});

/**
 * Throws the 409 when a transaction carrying `servedYearNotArchived` at position `at` was cancelled
 * by it; returns otherwise, for the caller to read the other reasons.
 */
export function refuseIfArchivedMeanwhile(error: TransactionCanceledException, at: number): void {
  if (error.CancellationReasons?.[at]?.Code === 'ConditionalCheckFailed')
    throw conflict(archivedMessage(settings.schoolYear()));
}
