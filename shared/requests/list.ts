import type { Organisation } from '#contract/organisations';
import type { DecisionStatus, RequestQuery } from '#contract/requests';
import type { Caller } from '#http/caller';
import { fold } from '#kernel/text';
import { batchGet } from '#platform/table/batch-get';
import { type Cursor, readCursor, startKey, writeCursor } from '#platform/table/cursor';
import { keys } from '#platform/table/keys';
import { distanceKm } from '#reference/distance';
import type { SegmentPhase } from '#school-year/rules';
import type { StoredStudent } from '#students/rules';
import { decisionsOfService } from '#students/store';
import { recentServiceOf } from './access';
import { serviceDecisions } from './decisions-store';
import { countByReading, openStudents, openStudentsPage, openTotals } from './open-index';
import { phasesAt } from './phases-store';
import { allowedChoices, outcomeOverdue } from './rules';
import { listItem, type Row, supervisorNamesOf, supervisorsOf } from './views';
import { type OpenQuery, openIndexQueries, trackScopeOf } from './visibility';

type Phases = readonly SegmentPhase[];

export const PAGE_SIZE = 50;

/** The open-index queries this service may run now, one per province, in default list order. */
function openQueries(service: Organisation, phase: Phases, q: RequestQuery, now: Date) {
  return openIndexQueries(trackScopeOf(service, phase), q.track, now, {
    provinces: q.province,
    programme: q.programme,
    postcodePrefix: q.postcode,
    transport: q.transport,
  });
}

async function rowsFor(service: Organisation, phase: Phases, q: RequestQuery, now: Date): Promise<Row[]> {
  if (q.tab === 'accepted') {
    const accepted = await decisionsOfService(service.id, 'accepted');
    const students = await batchGet<StoredStudent>([...accepted.keys()].map((id) => keys.student(id)));
    return students.filter((s) => s.track === q.track && s.placement?.serviceId === service.id);
  }
  const parts = await Promise.all(openQueries(service, phase, q, now).map((query) => openStudents(query)));
  return parts.flat();
}

/**
 * The round-opening case: the open list in its default order, which is the index's own order
 * (province partition, postcode, name). It reads one page, and takes the totals from the counts
 * kept in the writes, instead of reading every open student for every service at 12:00.
 *
 * The counts also say which partitions hold students: after the partition the page starts in, only
 * those are read, and only as many as fill the page, all at once. With a postcode region most
 * partitions hold none, so the counts are read first there; otherwise beside the first page.
 */
async function openPageInIndexOrder(
  service: Organisation,
  queries: OpenQuery[],
  decided: Promise<Decisions>,
  q: RequestQuery,
  now: Date,
) {
  const cursor = readCursor(q.cursor);
  const start: { p: number; id?: string; sk?: string } = cursor.m === 'index' ? cursor : { p: 0 };
  const size = q.limit ?? PAGE_SIZE;
  const counted = openTotals(queries);
  // Always awaited below; a page read that fails first must not leave it unhandled.
  counted.catch(() => {});
  let totals = queries.some((query) => query.postcodePrefix) ? await counted : undefined;
  const holds = (i: number) => !totals || totals.perQuery[i]! > 0;
  const expected = (i: number) => {
    const range = totals?.range[i];
    return range ? totals!.perQuery[i]! / range : undefined;
  };
  /** The partitions after `from` that hold students, enough of them to give `need` (all, without counts). */
  const following = (from: number, need: number) => {
    const picked: number[] = [];
    let covered = 0;
    for (let i = from; i < queries.length && (!totals || covered < need); i++) {
      if (!holds(i)) continue;
      picked.push(i);
      covered += totals?.perQuery[i] ?? 0;
    }
    return picked;
  };

  const pages: { p: number; page: Awaited<ReturnType<typeof openStudentsPage>> }[] = [];
  let first = start.p;
  while (first < queries.length && !holds(first)) first++;
  if (first < queries.length) {
    const query = queries[first]!;
    // The server rebuilds DynamoDB's start key from the cursor's position, in the partition it chose.
    const after =
      first === start.p
        ? startKey(start, keys.openPartition(query.track, query.province), query.postcodePrefix)
        : undefined;
    pages.push({ p: first, page: await openStudentsPage(query, size, after, expected(first)) });
    let got = pages[0]!.page.items.length;
    let last = pages[0]!.page;
    let from = first + 1;
    while (got < size && last.exhausted && from < queries.length) {
      totals ??= await counted;
      const picked = following(from, size - got);
      if (!picked.length) break;
      const read = await Promise.all(
        picked.map((i) => openStudentsPage(queries[i]!, size - got, undefined, expected(i))),
      );
      for (const [j, i] of picked.entries()) pages.push({ p: i, page: read[j]! });
      got += read.reduce((n, page) => n + page.items.length, 0);
      last = read.at(-1)!;
      from = picked.at(-1)! + 1;
    }
  }
  totals ??= await counted;
  const nextHolding = (from: number) => {
    for (let i = from; i < queries.length; i++) if (holds(i)) return i;
    return null;
  };

  const rows: Row[] = [];
  let next: Cursor | null = null;
  for (let i = 0; i < pages.length && rows.length < size; i++) {
    const { p, page } = pages[i]!;
    const taken = page.items.slice(0, size - rows.length);
    rows.push(...taken);
    if (rows.length < size) continue;
    const allOfPage = taken.length === page.items.length;
    const lastKey = page.keys[taken.length - 1];
    if (allOfPage && page.exhausted) {
      const following = nextHolding(p + 1);
      next = following === null ? null : { m: 'index', p: following };
    } else {
      next = { m: 'index', p, id: String(lastKey?.pk).replace(/^STUDENT#/, ''), sk: String(lastKey?.gsi2sk) };
    }
  }
  const [total, supervisors, decisions] = await Promise.all([
    totals ? totals.perQuery.reduce((a, b) => a + b, 0) : totalByReading(queries),
    supervisorNamesOf(rows),
    decided,
  ]);
  return {
    rows,
    items: rows.map((s) => rowOf(s, decisions, supervisors, now, service)),
    nextCursor: next ? writeCursor(next) : null,
    total,
    ...summaryOf(decisions, q.track, now),
  };
}

const totalByReading = async (queries: OpenQuery[]) =>
  (await Promise.all(queries.map((query) => countByReading(query)))).reduce((a, b) => a + b, 0);

type Decisions = Awaited<ReturnType<typeof serviceDecisions>>;

/**
 * A row with this service's status, the statuses it may choose next, and whether an invitation
 * still waits for its outcome.
 */
function rowOf(
  s: Row,
  decisions: Decisions,
  supervisors: Map<string, { name: string }>,
  now: Date,
  from: Organisation,
) {
  const d = decisions.get(s.id);
  const status = s.placement ? 'accepted' : (d?.status ?? 'undecided');
  return {
    ...listItem(s, status, supervisors),
    distanceKm: distanceFrom(from, s),
    todo: outcomeOverdue(status, d?.decidedAt, now),
    choices: allowedChoices(s.track, { status, invited: Boolean(d?.invitedAt) }),
  };
}

/**
 * The counter bar of the track: how many students hold each status of this service now
 * (`undecided`, the default of every student, is left out), and the invitations whose outcome is
 * overdue (the to-do).
 */
function summaryOf(decisions: Decisions, track: RequestQuery['track'], now: Date) {
  const statusCounts: Partial<Record<DecisionStatus, number>> = {};
  let todos = 0;
  for (const d of decisions.values()) {
    if (d.track !== track || d.status === 'undecided') continue;
    statusCounts[d.status] = (statusCounts[d.status] ?? 0) + 1;
    if (outcomeOverdue(d.status, d.decidedAt, now)) todos++;
  }
  return { statusCounts, todos };
}

/** The list's distance: from the service's own postcode to the student's residence (`#reference/distance`). */
const distanceFrom = (service: Organisation, s: Row) =>
  distanceKm(service.address?.postcode, s.address.postcode);

/** Nearest first; a student whose distance is unknown comes last, then the default order. */
const byDistance = (service: Organisation) => {
  const km = new Map<Row, number>();
  const of = (s: Row) => {
    let d = km.get(s);
    if (d === undefined) {
      d = distanceFrom(service, s) ?? Number.POSITIVE_INFINITY;
      km.set(s, d);
    }
    return d;
  };
  return (a: Row, b: Row) => of(a) - of(b) || ORDER.default(a, b);
};

const ORDER: Record<
  Exclude<NonNullable<RequestQuery['sort']>, 'distance'> | 'default',
  (a: Row, b: Row) => number
> = {
  default: (a, b) =>
    a.province.localeCompare(b.province) ||
    a.address.postcode.localeCompare(b.address.postcode) ||
    fold(a.lastName).localeCompare(fold(b.lastName), 'nl-BE'),
  name: (a, b) =>
    fold(`${a.lastName} ${a.firstName}`).localeCompare(fold(`${b.lastName} ${b.firstName}`), 'nl-BE'),
  '-name': (a, b) => ORDER.name(b, a),
  postcode: (a, b) => a.address.postcode.localeCompare(b.address.postcode) || ORDER.name(a, b),
  '-registered': (a, b) => b.registeredAt.localeCompare(a.registeredAt),
};

const inIndexOrder = (q: RequestQuery) => q.tab === 'open' && !q.sort && !q.name && !q.school && !q.withinKm;

/** Every row that matches the list's filters, in the list's order. */
async function matchingRows(service: Organisation, phase: Phases, q: RequestQuery, now: Date) {
  const rows = await rowsFor(service, phase, q, now);
  const name = q.name ? fold(q.name) : undefined;
  const school = q.school ? fold(q.school) : undefined;
  return rows
    .filter(
      (s) =>
        !name ||
        fold(`${s.firstName} ${s.lastName}`).includes(name) ||
        fold(`${s.lastName} ${s.firstName}`).includes(name),
    )
    .filter((s) => !school || fold(s.schoolName).includes(school))
    .filter((s) => !q.postcode || s.address.postcode.startsWith(q.postcode))
    .filter((s) => !q.transport?.length || s.transport.some((t) => q.transport!.includes(t)))
    .filter((s) => !q.province?.length || q.province.includes(s.province))
    .filter((s) => !q.programme || s.programme === q.programme)
    .filter((s) => {
      if (!q.withinKm) return true;
      const km = distanceFrom(service, s);
      return km !== null && km <= q.withinKm;
    })
    .sort(q.sort === 'distance' ? byDistance(service) : ORDER[q.sort ?? 'default']);
}

/**
 * The service and the round's phases, and this service's decisions (with what the rows and the
 * counter bar need: status, track, when chosen, when invited) as a read in flight: the page does
 * not wait for them. The service and the calendar as this container read them moments ago
 * (`recentOrganisation`, `#school-year/store` → `recentCalendar`): at 12:00 a list reads only what
 * changes by the second.
 */
async function listContext(caller: Caller, q: Pick<RequestQuery, 'track'>, now: Date) {
  const decisions = serviceDecisions(caller.organisationId);
  // Awaited with the rows; a list that fails before them must not leave it unhandled.
  decisions.catch(() => {});
  const [service, phase] = await Promise.all([recentServiceOf(caller), phasesAt(q.track, now)]);
  return [service, phase, decisions] as const;
}

/** A service's list of requests: one page, its total and the cursor of the next page. */
export async function listRequests(caller: Caller, q: RequestQuery, now: Date) {
  const [service, phase, decided] = await listContext(caller, q, now);
  if (inIndexOrder(q)) {
    const { rows: _rows, ...page } = await openPageInIndexOrder(
      service,
      openQueries(service, phase, q, now),
      decided,
      q,
      now,
    );
    return page;
  }
  const matches = await matchingRows(service, phase, q, now);
  const cursor = readCursor(q.cursor);
  const offset = cursor.m === 'offset' ? cursor.o : 0;
  const size = q.limit ?? PAGE_SIZE;
  const page = matches.slice(offset, offset + size);
  const [supervisors, decisions] = await Promise.all([supervisorNamesOf(page), decided]);
  return {
    items: page.map((s) => rowOf(s, decisions, supervisors, now, service)),
    nextCursor: offset + size < matches.length ? writeCursor({ m: 'offset', o: offset + size }) : null,
    total: matches.length,
    ...summaryOf(decisions, q.track, now),
  };
}

export interface RequestRowsPage {
  /** The stored rows (whole students on the accepted tab) beside the list items they became. */
  rows: Row[];
  items: ReturnType<typeof rowOf>[];
  /** The supervisors of these rows in full (an export of accepted students shows their contact data). */
  supervisors: Awaited<ReturnType<typeof supervisorsOf>>;
  total: number;
}

/**
 * The whole list, page by page, exactly as the list shows it (same scope, filters and order):
 * what an export writes. Reads the table once, however many pages.
 */
export async function* requestRowPages(
  caller: Caller,
  q: Omit<RequestQuery, 'cursor' | 'limit'>,
  now: Date,
  size = 500,
): AsyncGenerator<RequestRowsPage> {
  const [service, phase, decided] = await listContext(caller, q, now);
  if (inIndexOrder(q)) {
    const queries = openQueries(service, phase, q, now);
    let cursor: string | undefined;
    do {
      const page = await openPageInIndexOrder(service, queries, decided, { ...q, cursor, limit: size }, now);
      yield {
        rows: page.rows,
        items: page.items,
        supervisors: await supervisorsOf(page.rows),
        total: page.total,
      };
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return;
  }
  const [matches, decisions] = await Promise.all([matchingRows(service, phase, q, now), decided]);
  for (let offset = 0; offset === 0 || offset < matches.length; offset += size) {
    const rows = matches.slice(offset, offset + size);
    const supervisors = await supervisorsOf(rows);
    const items = rows.map((s) => rowOf(s, decisions, supervisors, now, service));
    yield { rows, items, supervisors, total: matches.length };
  }
}
