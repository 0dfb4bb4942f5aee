import { ORGANISATION_TYPES } from '#contract/organisations';
import { PROVINCES } from '#contract/provinces';
import { z } from '#kernel/validation';

export const organisationPath = z.object({ id: z.string().min(1).max(64) });
export const memberPath = organisationPath.extend({ memberId: z.string().min(1).max(64) });
export const organisationQuery = z.object({
  type: z.enum(ORGANISATION_TYPES).optional(),
  province: z.enum(PROVINCES).optional(),
  q: z.string().trim().max(100).optional(),
});
