import type { Track } from '#contract/organisations';
import type { StoredStudent, StudentStatus } from '#contract/students';

/** A student as stored (the contract holds the type: the web's detail type derives from it). */
export type { StoredStudent } from '#contract/students';

export const statusOf = (s: Pick<StoredStudent, 'placement' | 'stoppedAt'>): StudentStatus =>
  s.stoppedAt ? 'stopped' : s.placement ? 'accepted' : 'open';

export const trackAllowed = (tracks: Track[] | undefined, track: Track) => (tracks ?? []).includes(track);
