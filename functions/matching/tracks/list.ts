import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { trackStates } from '#school-year/state';

/** Each track's scopes now: phase, the round that gives it, the next change, and any override. */
export const handler = defineHandler('tracks-list', async () => {
  const states = await trackStates(new Date());
  return ok({ items: states.map(({ segments: _segments, ...view }) => view) });
});
