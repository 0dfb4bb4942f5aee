import * as z from '#kernel/zod';
import { SUPPRESSION_REASONS } from './bounce-labels';

/** On a person, supervisor or contact whose address is suppressed: since when and why. */
export const Unreachable = z.object({
  reason: z.enum(SUPPRESSION_REASONS),
  since: z.string(),
  /** What the receiving server said (`smtp; 550 5.1.1 user unknown`), or the complaint's type. */
  detail: z.string(),
});
export type Unreachable = z.infer<typeof Unreachable>;
