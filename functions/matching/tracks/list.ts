import { TRACKS } from '#contract/organisations';
import { defineHandler } from '#http/handler';
import { ok } from '#http/responses';
import { getPhase } from '#placements/phases-store';

export const handler = defineHandler('tracks-list', {}, async () =>
  ok({ items: await Promise.all(TRACKS.map(async (track) => ({ track, phase: await getPhase(track) }))) }),
);
