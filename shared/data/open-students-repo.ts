import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws/clients';
import { settings } from '../config/env';
import type { Track } from '../domain/organisations';
import type { Province } from '../domain/provinces';
import type { StoredStudent } from '../domain/students';
import { keys, stripKeys } from './keys';

/** What a list row needs; the rest of the item (remarks, personal data) stays in the table. */
const LIST_FIELDS = [
  'id',
  'track',
  'firstName',
  'lastName',
  'schoolId',
  'schoolName',
  'address',
  'province',
  'transport',
  'internship',
  'registeredAt',
  'visibleFrom',
  'preferredServiceId',
];

export type OpenStudent = Pick<
  StoredStudent,
  | 'id'
  | 'track'
  | 'firstName'
  | 'lastName'
  | 'schoolId'
  | 'schoolName'
  | 'address'
  | 'province'
  | 'transport'
  | 'internship'
  | 'registeredAt'
  | 'visibleFrom'
  | 'preferredServiceId'
>;

/**
 * Students still without a place in one track and province, visible at `now`: a query on the open
 * index, narrowed by postcode (region) in the key condition and by the blackout and preference in
 * the filter. No scan, whatever the filters.
 */
export async function openStudents(options: {
  track: Track;
  province: Province;
  now: Date;
  postcodePrefix?: string;
  preferredServiceId?: string;
}): Promise<OpenStudent[]> {
  const names = Object.fromEntries(LIST_FIELDS.map((f, i) => [`#f${i}`, f]));
  const ref = (field: (typeof LIST_FIELDS)[number]) => `#f${LIST_FIELDS.indexOf(field)}`;
  const filters = [`${ref('visibleFrom')} <= :now`];
  const values: Record<string, unknown> = {
    ':pk': keys.openPartition(options.track, options.province),
    ':now': options.now.toISOString(),
  };
  if (options.postcodePrefix) values[':pc'] = options.postcodePrefix;
  if (options.preferredServiceId) {
    filters.push(`${ref('preferredServiceId')} = :pref`);
    values[':pref'] = options.preferredServiceId;
  }
  const items: OpenStudent[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: settings.tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: options.postcodePrefix
          ? 'gsi2pk = :pk AND begins_with(gsi2sk, :pc)'
          : 'gsi2pk = :pk',
        FilterExpression: filters.join(' AND '),
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) items.push(stripKeys(item) as unknown as OpenStudent);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
