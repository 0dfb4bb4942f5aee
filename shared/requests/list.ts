import type { Organisation } from '#contract/organisations';
import type { DecisionStatus, RequestQuery } from '#contract/requests';
import type { Caller } from '#http/caller';
import { fold } from '#kernel/text';
import { batchGet } from '#platform/table/batch-get';
import { type Cursor, readCursor, startKey, writeCursor } from '#platform/table/cursor';
import { keys } from '#platform/table/keys';
import type { SegmentPhase } from '#school-year/rules';
import type { StoredStudent } from '#students/rules';
import { decisionsOfService } from '#students/store';
import { serviceOf } from './access';
import { serviceDecisions } from './decisions-store';
import { countOpenStudents, openStudents, openStudentsPage } from './open-index';
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
 * (province partition, postcode, name). It reads one page and counts the rest, instead of reading
 * every open student for every service at 12:00. The partition the page starts in is read first;
 * only when that cannot fill the page are the following ones read, all at once.
 */
async function openPageInIndexOrder(queries: OpenQuery[], decisions: Decisions, q: RequestQuery, now: Date) {
  const cursor = readCursor(q.cursor);
  const start: { p: number; id?: string; sk?: string } = cursor.m === 'index' ? cursor : { p: 0 };
  const size = q.limit ?? PAGE_SIZE;
  const counted = Promise.all(queries.map((query) => countOpenStudents(query)));
  const pages: Awaited<ReturnType<typeof openStudentsPage>>[] = [];
  if (start.p < queries.length) {
    const query = queries[start.p]!;
    // The server rebuilds DynamoDB's start key from the cursor's position, in the partition it chose.
    const after = startKey(start, keys.openPartition(query.track, query.province), query.postcodePrefix);
    pages.push(await openStudentsPage(query, size, after));
    const first = pages[0]!;
    if (first.items.length < size && first.exhausted) {
      const need = size - first.items.length;
      pages.push(
        ...(await Promise.all(queries.slice(start.p + 1).map((query) => openStudentsPage(query, need)))),
      );
    }
  }
  const rows: Row[] = [];
  let next: Cursor | null = null;
  for (let i = 0; i < pages.length && rows.length < size; i++) {
    const p = start.p + i;
    const page = pages[i]!;
    const taken = page.items.slice(0, size - rows.length);
    rows.push(...taken);
    if (rows.length < size) continue;
    const allOfPage = taken.length === page.items.length;
    const last = page.keys[taken.length - 1];
    next =
      allOfPage && page.exhausted
        ? p + 1 < queries.length
          ? { m: 'index', p: p + 1 }
          : null
        : {
            m: 'index',
            p,
            id: String(last?.pk).replace(/^STUDENT#/, ''),
            sk: String(last?.gsi2sk),
          };
  }
  const [counts, supervisors] = await Promise.all([counted, supervisorNamesOf(rows)]);
  return {
    rows,
    items: rows.map((s) => rowOf(s, decisions, supervisors, now)),
    nextCursor: next ? writeCursor(next) : null,
    total: counts.reduce((a, b) => a + b, 0),
    ...summaryOf(decisions, q.track, now),
  };
}

type Decisions = Awaited<ReturnType<typeof serviceDecisions>>;

/**
 * A row with this service's status, the statuses it may choose next, and whether an invitation
 * still waits for its outcome.
 */
function rowOf(s: Row, decisions: Decisions, supervisors: Map<string, { name: string }>, now: Date) {
  const d = decisions.get(s.id);
  const status = s.placement ? 'accepted' : (d?.status ?? 'undecided');
  return {
    ...listItem(s, status, supervisors),
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

const ORDER: Record<NonNullable<RequestQuery['sort']> | 'default', (a: Row, b: Row) => number> = {
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

const inIndexOrder = (q: RequestQuery) => q.tab === 'open' && !q.sort && !q.name && !q.school;

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
    .sort(ORDER[q.sort ?? 'default']);
}

/**
 * The service, the round's phases and this service's decisions (with what the rows and the counter
 * bar need: status, track, when chosen, when invited): they do not depend on one another.
 */
const listContext = (caller: Caller, q: Pick<RequestQuery, 'track'>, now: Date) =>
  Promise.all([serviceOf(caller), phasesAt(q.track, now), serviceDecisions(caller.organisationId)]);

/** A service's list of requests: one page, its total and the cursor of the next page. */
export async function listRequests(caller: Caller, q: RequestQuery, now: Date) {
  const [service, phase, decisions] = await listContext(caller, q, now);
  if (inIndexOrder(q)) {
    const { rows: _rows, ...page } = await openPageInIndexOrder(
      openQueries(service, phase, q, now),
      decisions,
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
  const supervisors = await supervisorNamesOf(page);
  return {
    items: page.map((s) => rowOf(s, decisions, supervisors, now)),
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
  const [service, phase, decisions] = await listContext(caller, q, now);
  if (inIndexOrder(q)) {
    const queries = openQueries(service, phase, q, now);
    let cursor: string | undefined;
    do {
      const page = await openPageInIndexOrder(queries, decisions, { ...q, cursor, limit: size }, now);
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
  const matches = await matchingRows(service, phase, q, now);
  for (let offset = 0; offset === 0 || offset < matches.length; offset += size) {
    const rows = matches.slice(offset, offset + size);
    const supervisors = await supervisorsOf(rows);
    const items = rows.map((s) => rowOf(s, decisions, supervisors, now));
    yield { rows, items, supervisors, total: matches.length };
  }
}
