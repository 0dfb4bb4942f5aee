import type { Organisation } from '#contract/organisations';

/**
 * The sector webinar: a dual-learning mentor supervises at most 2 learners at once at a
 * social-profit service and 3 at a local-government service. A service without a sector counts
 * as social profit (the stricter limit).
 */
export const mentorCapacity = (sector: Organisation['sector']): number =>
  sector === 'local_government' ? 3 : 2;

/** Free slots of a mentor who has `learners` current dual learners. */
export const freeSlots = (learners: number, capacity: number) => Math.max(0, capacity - learners);
