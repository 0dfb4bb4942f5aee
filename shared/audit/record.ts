import type { AuditAction, AuditEntry } from '#contract/audit';
import type { Caller } from '#http/caller';
import { newId } from '#kernel/ids';
import { putAuditEntry } from './store';

/**
 * Writes an audit entry. Called after the audited act succeeded; what is recorded names people
 * and objects, never the personal data itself.
 */
export async function audit(
  caller: Pick<Caller, 'userId' | 'name' | 'organisationId' | 'role'> | null,
  action: AuditAction,
  subject: AuditEntry['subject'],
  details?: AuditEntry['details'],
  now = new Date(),
): Promise<void> {
  await putAuditEntry({
    id: newId(now.getTime()),
    at: now.toISOString(),
    action,
    actor: caller
      ? { id: caller.userId, name: caller.name, organisationId: caller.organisationId, role: caller.role }
      : null,
    subject,
    ...(details ? { details } : {}),
  });
}
