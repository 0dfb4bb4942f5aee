import type { AuditEntry, AuditPage, AuditQuery } from '#contract/audit';
import { brusselsDay } from '#kernel/time';
import { invalidCursor, readCursor, writeCursor } from '#platform/table/cursor';
import { keys } from '#platform/table/keys';
import { auditPage } from './store';

/** The months (`YYYY-MM`) from `to` back to `from`, newest first. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const d = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), 1));
  const stop = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1);
  while (d.getTime() >= stop && months.length < 36) {
    months.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() - 1);
  }
  return months;
}

/**
 * The audit log, newest first, filtered by action and Brussels dates (and `keep`: a regional
 * team's entries). Defaults to the last 12 months (the log is kept for the school year).
 */
export async function listAudit(
  q: AuditQuery,
  now: Date,
  keep: (entry: AuditEntry) => boolean = () => true,
): Promise<AuditPage> {
  // The last millisecond before the next day's Brussels midnight: the range's end is inclusive.
  const to = q.to ? brusselsDay(q.to).end.getTime() - 1 : now.getTime();
  const from = q.from ? brusselsDay(q.from).start.getTime() : now.getTime() - 365 * 86_400_000;
  const range = { from: new Date(from).toISOString(), to: `${new Date(to).toISOString()}\uffff` };
  const months = monthsBetween(new Date(from), new Date(to));
  const size = q.limit ?? 50;
  const cursor = readCursor(q.cursor);
  let m = cursor.m === 'index' ? cursor.p : 0;
  // The cursor names the last entry read (its id and sort key); the key is rebuilt here, inside
  // the month and the range asked for, so a client never hands DynamoDB a key of its own.
  let after: { pk: string; sk: string } | undefined;
  if (cursor.m === 'index' && cursor.id && cursor.sk) {
    const month = months[m];
    if (!month || !cursor.sk.startsWith(month) || cursor.sk < range.from || cursor.sk > range.to) {
      throw invalidCursor();
    }
    after = { pk: keys.auditPartition(month), sk: cursor.sk };
  }
  const items: AuditEntry[] = [];
  while (m < months.length && items.length < size) {
    // The action filter is applied here rather than in DynamoDB, so a page is always a page.
    const page = await auditPage(months[m]!, range, size, after);
    for (const entry of page.items) {
      if (items.length === size) break;
      if ((!q.action || entry.action === q.action) && keep(entry)) items.push(entry);
      after = keys.audit(entry.at, entry.id);
    }
    if (items.length < size) {
      if (page.last) continue;
      m++;
      after = undefined;
    }
  }
  const done = m >= months.length;
  return {
    items,
    nextCursor: done
      ? null
      : writeCursor({
          m: 'index',
          p: m,
          ...(after ? { id: after.sk.slice(after.sk.lastIndexOf('#') + 1), sk: after.sk } : {}),
        }),
  };
}
