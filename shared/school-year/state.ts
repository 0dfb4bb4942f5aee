import { TRACKS, type Track } from '#contract/organisations';
import type { TrackStateView } from '#contract/school-year';
import { type SegmentPhase, trackStateAt } from './rules';
import { loadCalendar, recentCalendar, type StoredCalendar } from './store';

/**
 * Each track's scopes and their phase at `now`, derived from the stored calendar and the clock at
 * request time (never from a flag a schedule flips), with the admin's override on top.
 */
export async function trackStates(now: Date): Promise<(TrackStateView & { segments: SegmentPhase[] })[]> {
  const { rounds, overrides } = await loadCalendar();
  return TRACKS.map((track) => trackStateAt(rounds, track, overrides[track] ?? null, now));
}

/** The phase of every scope of one track at `now`, from a calendar already read. */
export const phasesIn = (calendar: StoredCalendar, track: Track, now: Date): SegmentPhase[] =>
  trackStateAt(calendar.rounds, track, calendar.overrides[track] ?? null, now).segments;

/**
 * The phase of every scope of one track at `now`: what the visibility rule takes. From the calendar
 * as this container read it within the last seconds (`recentCalendar`): the services' hot path.
 */
export async function segmentPhases(track: Track, now: Date): Promise<SegmentPhase[]> {
  return phasesIn(await recentCalendar(), track, now);
}
