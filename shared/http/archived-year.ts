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
  if (!isWrite(route) || ALLOWED_WHEN_ARCHIVED.has(route.id)) return;
  const schoolYear = settings.schoolYear();
  if (await servedYearArchived(schoolYear)) throw conflict(archivedMessage(schoolYear));
}
