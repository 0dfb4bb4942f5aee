import type { Track } from '#contract/organisations';
import type { Phase } from '#contract/school-year';
import { segmentPhases } from '#school-year/state';
import { setOverride } from '#school-year/store';

/**
 * A track's phases come from the school year's calendar (`#school-year/state`); what the admin
 * sets by hand is an emergency override that beats the calendar until it is lifted (`null`).
 */
export const phasesAt = (track: Track, now: Date) => segmentPhases(track, now);

export const setPhase = (track: Track, phase: Phase | null, by: string, at: string) =>
  setOverride(track, phase, by, at);
