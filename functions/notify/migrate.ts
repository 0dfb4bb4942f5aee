import { runMigrations } from '#migrations/run';
import { logger } from '#platform/log/logger';
import { customResource } from './custom-resource';

/**
 * On deploy, the school year's table is brought up to date by the same idempotent migrations the
 * local stack runs at start; CloudFormation calls this again whenever the list of migrations
 * changes. A failure fails the deploy rather than leave the API on old data.
 */
export const handler = customResource('migrations', async () => {
  logger.info('Migrations done', { results: await runMigrations() });
});
