import { idText, optionalText } from '#kernel/text-fields';
import * as z from '#kernel/zod';

/**
 * Accept workflow (secondary, adult). `undecided` and `not_accepted` may be held by many services
 * and changed back and forth; `accepted` is exclusive and final. The invite workflow (dual) adds
 * its statuses to this list without changing the rest.
 */
export const ACCEPT_STATUSES = ['undecided', 'not_accepted', 'accepted'] as const;
export type DecisionStatus = (typeof ACCEPT_STATUSES)[number];

export const DecisionInput = z.discriminatedUnion(
  'status',
  [
    z.object({ status: z.literal('undecided') }),
    z.object({ status: z.literal('not_accepted') }),
    z.object({
      status: z.literal('accepted'),
      contactId: idText('Kies een contactpersoon.'),
      periods: z
        .array(z.number().int().min(0).max(3), 'Kies de periode(s).')
        .min(1, 'Kies minstens één periode.')
        .max(4)
        .transform((p) => [...new Set(p)].sort()),
      notes: optionalText(1000),
    }),
  ],
  { error: 'Kies een geldige status.' },
);
export type DecisionInput = z.infer<typeof DecisionInput>;

export interface Decision {
  studentId: string;
  serviceId: string;
  status: DecisionStatus;
  decidedAt: string;
  decidedBy: string;
}
