import * as z from '#kernel/zod';
import { PROVINCES } from './provinces';

/**
 * What the audit log records: who revealed personal data, who accepted a student, who changed an
 * account. An entry names people and objects by id and name, never the personal data itself.
 */
export const AUDIT_ACTIONS = [
  'reveal',
  'export',
  'acceptance',
  'account.invite',
  'account.deactivate',
  'account.email',
  'account.activate',
  'account.password-reset',
  'organisation.create',
  'organisation.update',
  'import',
  'mailing',
  /** The sector undid a placement; a service asked for it; the sector declined a request. */
  'release',
  'release.request',
  'release.decline',
  /** The admin marked a notice handled. */
  'notice.handled',
  /** A school year's personal data erased on its retention date (shared/school-year/retention.ts). */
  'retention',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z
    .object({
      id: z.string(),
      name: z.string(),
      organisationId: z.string(),
      role: z.string(),
      /** The organisation's name when the log is read (not stored: a renamed organisation reads right). */
      organisationName: z.string().optional(),
    })
    .nullable(),
  /**
   * What it was about: a student, a person, an organisation, a list. `provinces`: where it lies
   * (a student's internship province, a service's province, a regional team's scope), so that a
   * regional team sees the entries of its provinces; an entry without is the national team's.
   */
  subject: z.object({
    kind: z.string(),
    id: z.string(),
    label: z.string(),
    provinces: z.array(z.enum(PROVINCES)).optional(),
  }),
  /** Extra facts without personal data: which fields were shown, how many rows. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type AuditEntry = z.output<typeof AuditEntry>;

/** `GET /api/admin/audit`, newest first. */
export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.output<typeof AuditPage>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef een datum als jjjj-mm-dd.');

export const AuditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS, 'Onbekende handeling.').optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type AuditQuery = z.output<typeof AuditQuery>;
