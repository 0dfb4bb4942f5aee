import type { Track } from './organisations';

/**
 * What services see of a track: nothing, the preferred-service round, or every open student.
 * The admin sets it per track (`PUT /api/tracks/{track}/phase`).
 */
export const PHASES = ['closed', 'preferred', 'all'] as const;
export type Phase = (typeof PHASES)[number];

export interface TrackPhase {
  track: Track;
  phase: Phase;
}

/** `PUT /api/tracks/{track}/phase`. */
export interface PhaseBody {
  phase: Phase;
}

/** `GET /api/tracks`. */
export interface TrackPhaseList {
  items: TrackPhase[];
}
