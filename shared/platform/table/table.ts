/**
 * The one DynamoDB table of a school year (single-table design). The CDK stack and the local
 * bootstrap both create it from this description, so the two can never drift apart.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const TABLE_INDEXES = [
  { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
] as const;

/** Items with this attribute (epoch seconds) are removed by DynamoDB TTL: tokens, lockouts. */
export const TTL_ATTRIBUTE = 'expiresAt';

export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

export function assertSchoolYear(schoolYear: string): string {
  const match = SCHOOL_YEAR_PATTERN.exec(schoolYear);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    throw new Error(`A school year looks like 2026-2027, got "${schoolYear}"`);
  }
  return schoolYear;
}

export const tableNameFor = (schoolYear: string) => `stagematching-${assertSchoolYear(schoolYear)}`;

/**
 * The registry of school years: one long-lived table beside the years' own (the platform stack's
 * in AWS, a table in the same DynamoDB Local locally). Its only key is the year's (`keys.schoolYear`).
 */
export const YEARS_TABLE_NAME = 'stagematching-years';
