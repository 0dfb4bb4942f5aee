import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { HttpError } from '#kernel/errors';
import { pingTable } from '#platform/table/health';

/** Liveness for people and monitors: healthy only when the school year's table answers. */
export const handler = defineHandler('health', async ({ log }) => {
  try {
    await pingTable();
  } catch (error) {
    log.warn('Database did not answer', error as Error);
    throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'De databank is niet bereikbaar.');
  }
  return ok({ status: 'ok' });
});
