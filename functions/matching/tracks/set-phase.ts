import { setPhase } from '../../../shared/data/phases-repo';
import { TRACKS } from '../../../shared/domain/organisations';
import { PHASES } from '../../../shared/domain/visibility';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';
import { z } from '../../../shared/http/validation';

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
