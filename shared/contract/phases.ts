import type { Track } from './organisations';
import type { TrackStateView } from './school-year';

/**
 * What services see of a scope of a track: nothing, the preferred-service round, or every open
 * student. The calendar decides (`shared/school-year`); the admin can override it per track
 * (`PUT /api/tracks/{track}/phase`) until `{ "phase": null }` hands the track back.
 */
export const PHASES = ['closed', 'preferred', 'all'] as const;
export type Phase = (typeof PHASES)[number];

/** The answer to `PUT /api/tracks/{track}/phase`. */
export interface TrackPhase {
  track: Track;
  phase: Phase | null;
  override: Phase | null;
}

/** `PUT /api/tracks/{track}/phase`: an override, or `null` to follow the calendar again. */
export interface PhaseBody {
  phase: Phase | null;
}

/** `GET /api/tracks`: each track's scopes and their state now. */
export interface TrackPhaseList {
  items: TrackStateView[];
}
