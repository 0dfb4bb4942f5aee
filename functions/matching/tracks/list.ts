import { getPhase } from '../../../shared/data/phases-repo';
import { TRACKS } from '../../../shared/domain/organisations';
import { defineHandler } from '../../../shared/http/handler';
import { ok } from '../../../shared/http/responses';

export const handler = defineHandler('tracks-list', {}, async () =>
  ok({ items: await Promise.all(TRACKS.map(async (track) => ({ track, phase: await getPhase(track) }))) }),
);
