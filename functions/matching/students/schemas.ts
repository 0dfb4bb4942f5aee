import { TRACKS } from '#contract/organisations';
import { z } from '#kernel/validation';

export const studentPath = z.object({ id: z.string().min(1).max(64) });
export const studentQuery = z.object({
  track: z.enum(TRACKS).optional(),
  status: z.enum(['open', 'accepted', 'stopped']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['name', '-name', 'registered', '-registered']).optional().default('-registered'),
});
