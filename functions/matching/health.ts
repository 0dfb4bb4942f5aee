import { pingTable } from '../../shared/data/health';
import { HttpError } from '../../shared/http/errors';
import { defineHandler } from '../../shared/http/handler';
import { ok } from '../../shared/http/responses';

/** Liveness for people and monitors: healthy only when the school year's table answers. */
export const handler = defineHandler('health', {}, async ({ log }) => {
  try {
    await pingTable();
  } catch (error) {
    log.warn('Database did not answer', error as Error);
    throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'De databank is niet bereikbaar.');
  }
  return ok({ status: 'ok' });
});
