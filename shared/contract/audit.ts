import * as z from '#kernel/zod';

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
  'account.activate',
  'account.password-reset',
  'organisation.create',
  'organisation.update',
  'import',
  'mailing',
  /** A school year's personal data erased on its retention date (shared/school-year/retention.ts). */
  'retention',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  at: string;
  action: AuditAction;
  actor: { id: string; name: string; organisationId: string; role: string } | null;
  /** What it was about: a student, a person, an organisation, a list. */
  subject: { kind: string; id: string; label: string };
  /** Extra facts without personal data: which fields were shown, how many rows. */
  details?: Record<string, string | number | boolean>;
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef een datum als jjjj-mm-dd.');

export const AuditQuery = z.object({
  action: z.enum(AUDIT_ACTIONS, 'Onbekende handeling.').optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type AuditQuery = z.output<typeof AuditQuery>;
