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

/**
 * A mentor's dual learners, kept on the mentor's contact item: per placed learner (student id) the
 * end date of their training contract ("overeenkomst alternerende opleiding"), or null while the
 * service has not recorded one. A learner who stops leaves the map; one whose contract ended stays
 * in it but no longer counts.
 */
export type MentorLearners = Record<string, string | null>;

/**
 * Whether a learner takes a slot of their mentor on `today` (a Brussels date, `YYYY-MM-DD`): until
 * the end date of the training contract has passed, that day included; always without an end date.
 */
export const holdsSlot = (end: string | null | undefined, today: string): boolean => !end || end >= today;

/** The mentor's current learners on `today`, leaving out `except` (the learner being written). */
export const currentLearners = (learners: MentorLearners | undefined, today: string, except?: string) =>
  Object.entries(learners ?? {}).filter(([id, end]) => id !== except && holdsSlot(end, today)).length;
