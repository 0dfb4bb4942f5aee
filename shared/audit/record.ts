import type { AuditAction, AuditEntry } from '#contract/audit';
import type { Caller } from '#http/caller';
import { newId } from '#kernel/ids';
import { putAuditEntry } from './store';

type Actor = Pick<Caller, 'userId' | 'name' | 'organisationId' | 'role'> | null;

/** What an audit entry records: names people and objects, never the personal data itself. */
export function auditEntry(
  caller: Actor,
  action: AuditAction,
  subject: AuditEntry['subject'],
  details?: AuditEntry['details'],
  now = new Date(),
): AuditEntry {
  return {
    id: newId(now.getTime()),
    at: now.toISOString(),
    action,
    actor: caller
      ? { id: caller.userId, name: caller.name, organisationId: caller.organisationId, role: caller.role }
      : null,
    subject,
    ...(details ? { details } : {}),
  };
}

/** Writes an audit entry, after the audited act succeeded (acts that write a transaction add it there). */
export async function audit(
  caller: Actor,
  action: AuditAction,
  subject: AuditEntry['subject'],
  details?: AuditEntry['details'],
  now = new Date(),
): Promise<void> {
  await putAuditEntry(auditEntry(caller, action, subject, details, now));
}
