import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { shortDateTime } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { adminKey } from './queries';

/** The scheduler ticks every minute: five quiet minutes mean it stopped (the alarm's limit too). */
const TICK_LATE_MS = 5 * 60_000;
/** A mail that waits longer than this in the outbox is stuck (the alarm's limit too). */
const OUTBOX_LATE_MS = 15 * 60_000;

export const healthQuery = queryOptions({
  queryKey: [...adminKey, 'health'],
  queryFn: ({ signal }) => api('GET /api/admin/health', { signal }),
  refetchInterval: 30_000,
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const ago = (iso: string, now: string) => {
  const minutes = Math.max(0, Math.round((Date.parse(now) - Date.parse(iso)) / 60_000));
  return minutes < 1 ? 'net' : `${plural(minutes, 'minuut', 'minuten')} geleden`;
};

function Line({ ok, title, children }: { ok: boolean; title: string; children: ReactNode }) {
  return (
    <li className={ok ? 'health-ok' : 'health-warn'}>
      <strong>{title}</strong> <span className="visually-hidden">{ok ? '(in orde)' : '(let op)'}</span>
      {children}
    </li>
  );
}

/**
 * Whether the machinery behind the product runs: the scheduler's last tick, mails waiting in the
 * outbox, the last day's failed and returned mails, exports and imports under way.
 */
export function HealthPanel() {
  const health = useQuery(healthQuery);
  return (
    <section className="card health no-print" aria-labelledby="health-title">
      <h2 id="health-title">Werking</h2>
      <QueryState query={health}>
        {(h) => {
          const now = Date.parse(h.checkedAt);
          const tickOk =
            h.scheduler.lastTickAt !== null && now - Date.parse(h.scheduler.lastTickAt) < TICK_LATE_MS;
          const outboxOk = h.outbox.oldestAt === null || now - Date.parse(h.outbox.oldestAt) < OUTBOX_LATE_MS;
          const mailsOk = h.mails24h.failed + h.mails24h.bounced + h.mails24h.complained === 0;
          return (
            <ul className="health-list">
              <Line ok={tickOk} title="Planner:">
                {h.scheduler.lastTickAt
                  ? `laatst gelopen ${ago(h.scheduler.lastTickAt, h.checkedAt)} (${shortDateTime(h.scheduler.lastTickAt)})`
                  : 'nog nooit gelopen'}
              </Line>
              <Line ok={outboxOk} title="Wachtrij:">
                {h.outbox.pending === 0 && h.outbox.oldestAt === null
                  ? 'geen mails die wachten'
                  : `${plural(h.outbox.pending, 'mail wacht', 'mails wachten')}${h.outbox.oldestAt ? `, de oudste sinds ${shortDateTime(h.outbox.oldestAt)}` : ''}`}
              </Line>
              <Line ok={mailsOk} title="Laatste 24 uur:">
                {plural(h.mails24h.failed, 'mail', 'mails')} mislukt, {h.mails24h.bounced} teruggestuurd,{' '}
                {h.mails24h.complained} gemeld als spam{mailsOk ? '' : ' — '}
                {!mailsOk && <Link to="/mislukte-mails">bekijk de mislukte mails</Link>}
              </Line>
              <Line ok={h.imports.interrupted === 0} title="Op de achtergrond:">
                {plural(h.exports.running, 'export', 'exports')} en{' '}
                {plural(h.imports.running, 'import', 'imports')} bezig
                {h.imports.interrupted > 0
                  ? `; ${plural(h.imports.interrupted, 'import', 'imports')} onderbroken`
                  : ''}
              </Line>
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}
