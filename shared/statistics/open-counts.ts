import type { Track } from '#contract/organisations';
import type { Province } from '#contract/provinces';
import { TRANSPORT } from '#contract/students';

/**
 * The totals of the services' list, kept as counters in the same writes that move a student into
 * or out of the open index (entering, editing, stopping, resuming, being placed), so that a list
 * reads a handful of small items instead of counting every open student of the year.
 *
 * An open student is counted once in each of these row families, by what the list's queries can
 * ask about them (see `#requests/visibility` → `openIndexQueries`):
 * - `everyone`: province, segment and visibility. Totals without postcode or transport filter.
 *   Every acceptance of the province moves it, so it is split over shards (like the dashboard's).
 * - `byTransport`: the same and the set of transport means. Totals filtered on transport only.
 * - `byPostcode`: the same and the postcode, postcode first, so a region (`90`) is one key range.
 * - `preferring`: the service the student chose, then everything above. Totals of the preferred
 *   round, read by that service only.
 *
 * Segment: what a round selects students on within the track — the programme (secondary), the start
 * of the first period (adult windows), nothing (dual). Visibility: `-` for a student visible since
 * registration, else the instant they become visible (the summer blackout), compared at read time.
 */
export interface OpenCounted {
  track: Track;
  province: Province;
  postcode: string;
  transport: readonly string[];
  programme?: string;
  firstPeriodStart?: string;
  visibleFrom: string;
  registeredAt: string;
  preferredServiceId?: string;
}

export const OPEN_COUNT_SHARDS = 8;

/** The open-count entry of a student: null when they are not in the open index (placed, stopped). */
export function openCountedOf(s: {
  track: Track;
  province: Province;
  address: { postcode: string };
  transport: readonly string[];
  programme?: string;
  internship: { periods: readonly { start: string }[] };
  visibleFrom: string;
  registeredAt: string;
  preferredServiceId?: string;
  placement?: unknown;
  stoppedAt?: string;
  /** Adult education: the date that selects the window assigned to the student, when set. */
  windowDate?: string;
}): OpenCounted | null {
  if (s.placement || s.stoppedAt) return null;
  return {
    track: s.track,
    province: s.province,
    postcode: s.address.postcode,
    transport: s.transport,
    ...(s.programme ? { programme: s.programme } : {}),
    ...(s.windowDate || s.internship.periods.length
      ? { firstPeriodStart: s.windowDate ?? s.internship.periods.map((p) => p.start).sort()[0] }
      : {}),
    visibleFrom: s.visibleFrom,
    registeredAt: s.registeredAt,
    ...(s.preferredServiceId ? { preferredServiceId: s.preferredServiceId } : {}),
  };
}

/** The segment a track's rounds select on; other conditions cannot be answered from the counts. */
const segOf = (c: Pick<OpenCounted, 'track' | 'programme' | 'firstPeriodStart'>) =>
  (c.track === 'secondary' ? c.programme : c.track === 'adult' ? c.firstPeriodStart : undefined) || '-';

const visOf = (c: Pick<OpenCounted, 'visibleFrom' | 'registeredAt'>) =>
  c.visibleFrom > c.registeredAt ? c.visibleFrom : '-';

/** The transport means as a bit set, two hex digits: any-of filters test it with one AND. */
export const transportMask = (transport: readonly string[]) =>
  transport
    .reduce((mask, t) => {
      const bit = (TRANSPORT as readonly string[]).indexOf(t);
      return bit < 0 ? mask : mask | (1 << bit);
    }, 0)
    .toString(16)
    .padStart(2, '0');

export type OpenCountFamily = 'everyone' | 'byTransport' | 'byPostcode' | 'preferring';

/** One row of the counts: its family and the values it is keyed on. */
export interface OpenCountRow {
  family: OpenCountFamily;
  province: string;
  seg: string;
  vis: string;
  postcode?: string;
  mask?: string;
  serviceId?: string;
}

export interface OpenCountDelta {
  track: Track;
  row: OpenCountRow;
  delta: number;
}

function rowsOf(c: OpenCounted): OpenCountRow[] {
  const base = { province: c.province, seg: segOf(c), vis: visOf(c) };
  const mask = transportMask(c.transport);
  return [
    { family: 'everyone', ...base },
    { family: 'byTransport', ...base, mask },
    { family: 'byPostcode', ...base, postcode: c.postcode, mask },
    ...(c.preferredServiceId
      ? [
          {
            family: 'preferring' as const,
            ...base,
            postcode: c.postcode,
            mask,
            serviceId: c.preferredServiceId,
          },
        ]
      : []),
  ];
}

/** The row's identity within its track, as the store keys it. */
export const rowId = (r: OpenCountRow) =>
  [r.family, r.serviceId ?? '', r.province, r.seg, r.vis, r.postcode ?? '', r.mask ?? ''].join('|');

/**
 * What changes in the open counts when a student goes from `before` to `after` (null: not in the
 * open index): one -1 per row they leave, one +1 per row they enter, nothing for rows they keep.
 */
export function openCountDeltas(before: OpenCounted | null, after: OpenCounted | null): OpenCountDelta[] {
  const deltas = new Map<string, OpenCountDelta>();
  const add = (c: OpenCounted, sign: number) => {
    for (const row of rowsOf(c)) {
      const id = `${c.track}|${rowId(row)}`;
      const current = deltas.get(id) ?? { track: c.track, row, delta: 0 };
      current.delta += sign;
      deltas.set(id, current);
    }
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  return [...deltas.values()].filter((d) => d.delta !== 0);
}

/** What a list total asks: one open-index query's partition and conditions (`OpenQuery`). */
export interface OpenCountQuery {
  track: Track;
  province: Province;
  now: Date;
  postcodePrefix?: string;
  preferredServiceId?: string;
  programmes?: readonly string[];
  firstPeriod?: { from: string; to: string };
  transport?: readonly string[];
}

/**
 * The family (and key prefix) that answers a query, or null when the counts cannot: a condition on
 * a segment this track's rows are not keyed on (a programme outside secondary, a window outside
 * adult). The caller then counts by reading, as before the counts existed.
 */
export function familyFor(q: OpenCountQuery): OpenCountFamily | null {
  if (q.programmes?.length && q.track !== 'secondary') return null;
  if (q.firstPeriod && q.track !== 'adult') return null;
  if (q.preferredServiceId) return 'preferring';
  if (q.postcodePrefix) return 'byPostcode';
  if (q.transport?.length) return 'byTransport';
  return 'everyone';
}

/** Whether a row's students are among the query's, exactly as the index query would select them. */
export function rowMatches(row: OpenCountRow, q: OpenCountQuery): boolean {
  if (row.family !== familyFor(q)) return false;
  if (row.province !== q.province) return false;
  if (q.preferredServiceId && row.serviceId !== q.preferredServiceId) return false;
  if (q.programmes?.length && !q.programmes.includes(row.seg)) return false;
  if (q.firstPeriod && (row.seg === '-' || row.seg < q.firstPeriod.from || row.seg > q.firstPeriod.to))
    return false;
  if (row.vis !== '-' && row.vis > q.now.toISOString()) return false;
  if (q.postcodePrefix && !row.postcode?.startsWith(q.postcodePrefix)) return false;
  if (
    q.transport?.length &&
    (Number.parseInt(row.mask ?? '0', 16) & Number.parseInt(transportMask(q.transport), 16)) === 0
  )
    return false;
  return true;
}

/** The total of one query from the rows of its family (shards and all). */
export const totalOf = (rows: readonly { row: OpenCountRow; n: number }[], q: OpenCountQuery) =>
  rows.reduce((sum, r) => (rowMatches(r.row, q) ? sum + r.n : sum), 0);
