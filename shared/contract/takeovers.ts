import { idText } from '#kernel/text-fields';
import * as z from '#kernel/zod';
import { PROVINCES } from './provinces';

export const TakeoverInput = z.object({
  serviceId: idText('Kies de dienst.'),
});
export const TakeoverPath = z.object({ id: z.string().min(1).max(64) });

export const TAKEOVER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TakeoverStatus = (typeof TAKEOVER_STATUSES)[number];

export const Takeover = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    serviceName: z.string(),
    requesterId: z.string(),
    requesterName: z.string(),
    requesterOrganisationId: z.string(),
    status: z.enum(TAKEOVER_STATUSES),
    requestedAt: z.string(),
    /** The service's managers answer before this moment; after it, the admin decides. */
    deadline: z.string(),
    escalatedAt: z.string().optional(),
    decidedAt: z.string().optional(),
    decidedBy: z.enum(['managers', 'admin']).optional(),
  })
  .meta({ id: 'Takeover' });
export type Takeover = z.output<typeof Takeover>;

/** `GET /api/takeovers`: my requests, those about my service, and (admin) the escalated ones. */
export const TakeoverOverview = z.object({
  mine: z.array(Takeover),
  forService: z.array(Takeover),
  escalated: z.array(Takeover),
});

/** `GET /api/takeovers/services`: services one may ask to take over. */
export const TakeoverServiceList = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), city: z.string(), province: z.enum(PROVINCES).nullable() }),
  ),
});

/** Two weeks, as the manual promises the previous manager. */
export const TAKEOVER_ANSWER_DAYS = 14;
