import { STATUS_COUNT_LABELS, statusCountLabel } from '../../labels';

const ORDER = Object.keys(STATUS_COUNT_LABELS);
const rank = (status: string) => {
  const i = ORDER.indexOf(status);
  return i === -1 ? ORDER.length : i;
};

/**
 * How often services chose each status for a student, one entry per status: read generically, so
 * a status another part of the product adds shows up here without a change.
 */
export function StatusCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  if (entries.length === 0) return <span className="hint">Geen keuzes geteld</span>;
  return (
    <ul className="status-counts">
      {entries.map(([status, n]) => (
        <li key={status}>
          {statusCountLabel(status)}: <strong>{n}</strong>
        </li>
      ))}
    </ul>
  );
}
