import { idText } from '#kernel/text-fields';
import * as z from '#kernel/zod';

export const TakeoverInput = z.object({
  serviceId: idText('Kies de dienst.'),
});
export const TakeoverPath = z.object({ id: z.string().min(1).max(64) });

export type TakeoverStatus = 'pending' | 'approved' | 'rejected';

export interface Takeover {
  id: string;
  serviceId: string;
  serviceName: string;
  requesterId: string;
  requesterName: string;
  requesterOrganisationId: string;
  status: TakeoverStatus;
  requestedAt: string;
  /** The service's managers answer before this moment; after it, the admin decides. */
  deadline: string;
  escalatedAt?: string;
  decidedAt?: string;
  decidedBy?: 'managers' | 'admin';
}

/** Two weeks, as the manual promises the previous manager. */
export const TAKEOVER_ANSWER_DAYS = 14;
