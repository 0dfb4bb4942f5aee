/**
 * What services see of a scope of a track: nothing, the preferred-service round, or every open
 * student. The calendar decides (`shared/school-year`); the admin can override it per track
 * (`PUT /api/tracks/{track}/phase`) until `{ "phase": null }` hands the track back.
 */
export const PHASES = ['closed', 'preferred', 'all'] as const;
export type Phase = (typeof PHASES)[number];
