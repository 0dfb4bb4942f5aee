import type { AuditEntry } from '#contract/audit';
import { exportLabel } from '#contract/exports';

/**
 * The log as people read it: the actor's organisation by name, and an export by what it holds
 * ("Export stagevragen (CSV)"), also for entries written before exports were labelled so.
 */
export async function namedEntries(
  entries: AuditEntry[],
  organisationName: (id: string) => Promise<string | undefined>,
): Promise<AuditEntry[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.actor ? [e.actor.organisationId] : [])))];
  const names = new Map(await Promise.all(ids.map(async (id) => [id, await organisationName(id)] as const)));
  return entries.map((entry) => {
    const name = entry.actor && names.get(entry.actor.organisationId);
    const format = entry.details?.format;
    return {
      ...entry,
      ...(entry.actor && name ? { actor: { ...entry.actor, organisationName: name } } : {}),
      ...(entry.subject.kind === 'list' && typeof format === 'string'
        ? { subject: { ...entry.subject, label: exportLabel(entry.subject.id, format) } }
        : {}),
    };
  });
}
