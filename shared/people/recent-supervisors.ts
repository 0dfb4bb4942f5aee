import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { changesSoFar } from './store';
import type { Supervisor } from './supervisors';

/**
 * Supervisors as this container read them in the last minute: at 12:00 every service's list shows
 * the same few hundred names, and an acceptance answers with the supervisor of a student its list
 * just showed. A change through the people store drops every copy in this container (the local
 * stack is one process); other containers see it within `RECENT_MS`. The detail ("Meer info")
 * reads the supervisor fresh.
 */
const RECENT_MS = 60_000;
type Copy = { at: number; changes: number; supervisor: Supervisor | null };
const recent = new Map<string, Copy>();

const id = (schoolId: string, supervisorId: string) => `${schoolId}/${supervisorId}`;

function fresh(key: string, now: number): Copy | undefined {
  const copy = recent.get(key);
  return copy && copy.changes === changesSoFar() && now - copy.at < RECENT_MS ? copy : undefined;
}

/** The copy this container holds, if recent: `undefined` when it must be read. */
export const recentSupervisor = (schoolId: string, supervisorId: string, now = Date.now()) =>
  fresh(id(schoolId, supervisorId), now)?.supervisor;

/** These supervisors by `schoolId/supervisorId`, reading only those not held (one batch read). */
export async function recentSupervisors(
  refs: readonly { schoolId: string; supervisorId: string }[],
  now = Date.now(),
): Promise<Map<string, Supervisor>> {
  const missing = new Map<string, { pk: string; sk: string }>();
  for (const r of refs) {
    const key = id(r.schoolId, r.supervisorId);
    if (!fresh(key, now)) missing.set(key, keys.supervisor(r.schoolId, r.supervisorId));
  }
  if (missing.size > 0) {
    const changes = changesSoFar();
    const found = await batchGet<Supervisor>(
      [...missing.values()],
      ['schoolId', 'id', 'name', 'phone', 'email', 'studentCount'],
    );
    if (recent.size > 20_000) recent.clear();
    for (const key of missing.keys()) recent.set(key, { at: now, changes, supervisor: null });
    for (const s of found) recent.set(id(s.schoolId, s.id), { at: now, changes, supervisor: s });
  }
  const out = new Map<string, Supervisor>();
  for (const r of refs) {
    const key = id(r.schoolId, r.supervisorId);
    const supervisor = recent.get(key)?.supervisor;
    if (supervisor) out.set(key, supervisor);
  }
  return out;
}
