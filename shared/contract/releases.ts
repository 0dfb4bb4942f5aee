import { requiredText } from '#kernel/text-fields';
import * as z from '#kernel/zod';

const REASON_REQUIRED = 'Geef de reden: de school en de dienst krijgen ze in de mail.';

/** `POST /api/admin/students/{id}/release`: the sector puts a placed student back in the pool. */
export const ReleaseInput = z.object({ reason: requiredText(1000, REASON_REQUIRED) });
export type ReleaseInput = z.output<typeof ReleaseInput>;

/** What a release did: the placement that was undone. */
export const Released = z.object({
  studentId: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  releasedAt: z.string(),
  reason: z.string(),
});
export type Released = z.output<typeof Released>;

/** One release, as the student's history shows it: who released which placement, when and why. */
export const ReleaseRecord = z.object({
  at: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  acceptedAt: z.string(),
  by: z.object({ id: z.string(), name: z.string() }),
  reason: z.string(),
});
export type ReleaseRecord = z.output<typeof ReleaseRecord>;

/** `POST /api/requests/{studentId}/release-request`: the accepting service asks the sector. */
export const ReleaseRequestInput = z.object({
  reason: requiredText(1000, 'Geef de reden: de sector leest ze voor ze de plaatsing vrijgeeft.'),
});

export const RELEASE_REQUEST_STATUSES = ['pending', 'approved', 'declined'] as const;

/** A service's request to release its placement, and how the sector answered it. */
export const ReleaseRequest = z.object({
  studentId: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(RELEASE_REQUEST_STATUSES),
  resolvedAt: z.string().nullable(),
  /** Who in the sector answered it. */
  resolvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Why the sector declined (the service reads it). */
  declineReason: z.string().nullable(),
});
export type ReleaseRequest = z.output<typeof ReleaseRequest>;

/** `POST /api/admin/students/{id}/release-request/decline`. */
export const DeclineInput = z.object({
  reason: requiredText(1000, 'Geef de reden: de dienst krijgt ze in de mail.'),
});

/** A pending request on the admin's to-do list, with the student's name. */
export const ReleaseRequestToAnswer = ReleaseRequest.extend({
  studentName: z.string(),
  schoolName: z.string(),
});
export type ReleaseRequestToAnswer = z.output<typeof ReleaseRequestToAnswer>;
