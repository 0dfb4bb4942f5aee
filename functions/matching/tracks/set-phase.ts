import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { setPhase } from '#requests/phases-store';

/** The admin's emergency override of a track: beats the calendar until `{ "phase": null }`. */
export const handler = defineHandler('tracks-phase', async ({ caller, path, body }) => {
  await setPhase(path.track, body.phase, caller.userId, new Date().toISOString());
  return ok({ track: path.track, phase: body.phase, override: body.phase });
});
