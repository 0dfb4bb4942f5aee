import { TRACKS } from '#contract/organisations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import * as z from '#kernel/zod';
import { setPhase } from '#placements/phases-store';
import { PHASES } from '#placements/visibility';

export const handler = defineHandler(
  'tracks-phase',
  {
    path: z.object({ track: z.enum(TRACKS, 'Onbekende opleidingsvorm.') }),
    body: z.object({ phase: z.enum(PHASES, 'Kies gesloten, voorkeursdienst of alle leerlingen.') }),
  },
  async ({ caller, path, body }) => {
    await setPhase(path.track, body.phase, caller.userId, new Date().toISOString());
    return ok({ track: path.track, phase: body.phase });
  },
);
