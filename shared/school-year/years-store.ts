import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Round, SchoolYearStatus, YearErasure } from '#contract/school-year';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { optionalEnv, settings } from '#platform/config';
import { refusedByCondition } from '#platform/table/items';
import { keys, stripKeys } from '#platform/table/keys';
import type { SchoolYearData } from './calendar';

/**
 * The registry of school years: one item per year in a table of its own that outlives every year
 * (the platform stack's, `YEARS_TABLE`). Each year's functions read it (is my year archived?) and
 * a few write it (preparing, archiving, the carry-over, the erasure). It holds the life cycle and
 * the prepared calendar, never anybody's data.
 */
export interface StoredYear {
  schoolYear: string;
  status: SchoolYearStatus;
  retentionUntil: string;
  createdAt: string;
  createdBy: string;
  /** The proposed calendar, edited here until the year's own table is seeded from it. */
  calendar?: Omit<SchoolYearData, 'schoolYear'>;
  /** Organisations left out of the carry-over into this year. */
  excludedOrganisations?: string[];
  /** When the year's own table took its calendar from `calendar` (edits go there from then on). */
  seededAt?: string;
  carriedOverAt?: string;
  /** Published by the year itself: its last round's day and its number of students. */
  lastRoundDay?: string | null;
  students?: number;
  archivedAt?: string;
  archivedBy?: string;
  erasure?: YearErasure;
  version: number;
}

const table = () => settings.yearsTable();

/** Scripts and unit tests run without a registry; every deployed function and the local stack have one. */
export const hasRegistry = () => optionalEnv('YEARS_TABLE') !== undefined;

export async function listYears(): Promise<StoredYear[]> {
  const { Items } = await dynamoClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.schoolYearsPartition },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((item) => stripKeys(item) as unknown as StoredYear);
}

export async function getYear(schoolYear: string): Promise<StoredYear | null> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: table(), Key: keys.schoolYear(schoolYear), ConsistentRead: true }),
  );
  return Item ? (stripKeys(Item) as unknown as StoredYear) : null;
}

/** False when the year is registered already (nothing written). */
export async function createYear(year: StoredYear): Promise<boolean> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.schoolYear(year.schoolYear), ...year },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}

/**
 * Changes a year's entry if it still has the version read (or, with `version: null`, whatever it
 * has); false when someone changed it in between or it does not exist.
 */
export async function updateYear(
  schoolYear: string,
  fields: Partial<Omit<StoredYear, 'schoolYear' | 'version'>>,
  options: { version: number | null; remove?: (keyof StoredYear)[] },
): Promise<boolean> {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1 };
  const sets = entries.map(([name, value], i) => {
    names[`#f${i}`] = name;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  const removes = (options.remove ?? []).map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  let condition = 'attribute_exists(pk)';
  if (options.version !== null) {
    condition += ' AND #version = :expected';
    values[':expected'] = options.version;
  }
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.schoolYear(schoolYear),
        UpdateExpression: `SET ${[...sets, '#version = #version + :one'].join(', ')}${
          removes.length ? ` REMOVE ${removes.join(', ')}` : ''
        }`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (refusedByCondition(error)) return false;
    throw error;
  }
}

/** A prepared calendar's rounds, written if nobody changed the entry since `version`. */
export const putProposedRounds = (
  schoolYear: string,
  calendar: StoredYear['calendar'],
  rounds: Round[],
  version: number,
) =>
  calendar
    ? updateYear(schoolYear, { calendar: { ...calendar, rounds } }, { version })
    : Promise.resolve(false);
