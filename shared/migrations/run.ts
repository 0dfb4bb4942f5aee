import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { migrateMentors } from '#people/migrate';
import { migrateOpenCounts } from '#statistics/open-counts-rebuild';
import { migrateStudents } from '#students/migrate';

/**
 * The data migrations of a school year's table, in order. Each is idempotent (nothing to do on a
 * fresh table or a second run), so they run at every local start and, in AWS, on every deploy
 * that changes this list (the custom resource's property is the list of names).
 */
export const MIGRATIONS = [
  // Secondary students get a programme, every student `firstPeriodStart` (adult windows).
  { name: 'students-programme-first-period', run: migrateStudents },
  // Mentors stored with a count of learners get their learners with contract end dates.
  { name: 'mentor-learners', run: migrateMentors },
  // The services' list totals, kept in the writes from now on, built once for the students there.
  { name: 'open-counts', run: migrateOpenCounts },
] as const;

export const migrationNames = () => MIGRATIONS.map((m) => m.name);

export async function runMigrations(client?: DynamoDBDocumentClient, tableName?: string) {
  const results: Record<string, { updated: number }> = {};
  for (const migration of MIGRATIONS) results[migration.name] = await migration.run(client, tableName);
  return results;
}
