import { TRACKS } from '#contract/organisations';
import { PhaseOverrideInput } from '#contract/school-year';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import * as z from '#kernel/zod';
import { setPhase } from '#requests/phases-store';

/** The admin's emergency override of a track: beats the calendar until `{ "phase": null }`. */
export const handler = defineHandler(
  'tracks-phase',
  {
    path: z.object({ track: z.enum(TRACKS, 'Onbekende opleidingsvorm.') }),
    body: PhaseOverrideInput,
  },
  async ({ caller, path, body }) => {
    await setPhase(path.track, body.phase, caller.userId, new Date().toISOString());
    return ok({ track: path.track, phase: body.phase, override: body.phase });
  },
);
