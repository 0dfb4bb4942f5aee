import type { DecisionStatus } from '#contract/decisions';
import type { Organisation } from '#contract/organisations';
import type { RequestQuery } from '#contract/requests';
import type { Caller } from '#http/caller';
import { fold } from '#kernel/text';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import type { StoredStudent } from '#students/rules';
import { serviceOf } from './access';
import { type Cursor, readCursor, writeCursor } from './cursor';
import { decisionsOfService, serviceDecisions } from './decisions-store';
import { countOpenStudents, openStudents, openStudentsPage } from './open-index';
import { getPhase } from './phases-store';
import { allowedChoices, outcomeOverdue } from './rules';
import { listItem, type Row, supervisorsOf } from './views';
import { openIndexQueries, scopeOf } from './visibility';

export const PAGE_SIZE = 50;

/** The open-index queries this service may run now, one per province, in default list order. */
async function openQueries(service: Organisation, q: RequestQuery, now: Date) {
  const scope = scopeOf(service, await getPhase(q.track));
  return openIndexQueries(scope, q.track, now, {
    provinces: q.province,
    postcodePrefix: q.postcode,
    transport: q.transport,
  });
}

async function rowsFor(service: Organisation, q: RequestQuery, now: Date): Promise<Row[]> {
  if (q.tab === 'accepted') {
    const accepted = await decisionsOfService(service.id, 'accepted');
    const students = await batchGet<StoredStudent>([...accepted.keys()].map((id) => keys.student(id)));
    return students.filter((s) => s.track === q.track && s.placement?.serviceId === service.id);
  }
  const parts = await Promise.all((await openQueries(service, q, now)).map((query) => openStudents(query)));
  return parts.flat();
}

/**
 * The round-opening case: the open list in its default order, which is the index's own order
 * (province partition, postcode, name). It reads one page and counts the rest, instead of reading
 * every open student for every service at 12:00.
 */
async function openPageInIndexOrder(service: Organisation, q: RequestQuery, now: Date) {
  const { rows: _rows, supervisors: _s, ...page } = await openPage(service, q, now);
  return page;
}

async function openPage(service: Organisation, q: RequestQuery, now: Date) {
  const queries = await openQueries(service, q, now);
  const cursor = readCursor(q.cursor);
  const start = cursor.m === 'index' ? cursor : { p: 0, k: undefined };
  const [counts, decisions] = await Promise.all([
    Promise.all(queries.map((query) => countOpenStudents(query))),
    serviceDecisions(service.id),
  ]);
  const rows: Row[] = [];
  let next: Cursor | null = null;
  const size = q.limit ?? PAGE_SIZE;
  for (let p = start.p; p < queries.length && rows.length < size; p++) {
    const page = await openStudentsPage(queries[p]!, size - rows.length, p === start.p ? start.k : undefined);
    rows.push(...page.items);
    if (rows.length === size) {
      next = page.exhausted
        ? p + 1 < queries.length
          ? { m: 'index', p: p + 1 }
          : null
        : { m: 'index', p, k: page.last };
    }
  }
  const supervisors = await supervisorsOf(rows);
  return {
    rows,
    supervisors,
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
function rowOf(
  s: Row,
  decisions: Decisions,
  supervisors: Awaited<ReturnType<typeof supervisorsOf>>,
  now: Date,
) {
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
async function matchingRows(service: Organisation, q: RequestQuery, now: Date) {
  const [rows, decisions] = await Promise.all([rowsFor(service, q, now), serviceDecisions(service.id)]);
  const name = q.name ? fold(q.name) : undefined;
  const school = q.school ? fold(q.school) : undefined;
  const matches = rows
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
    .sort(ORDER[q.sort ?? 'default']);
  return { matches, decisions };
}

/** A service's list of requests: one page, its total and the cursor of the next page. */
export async function listRequests(caller: Caller, q: RequestQuery, now: Date) {
  const service = await serviceOf(caller);
  if (inIndexOrder(q)) return openPageInIndexOrder(service, q, now);
  const { matches, decisions } = await matchingRows(service, q, now);
  const cursor = readCursor(q.cursor);
  const offset = cursor.m === 'offset' ? cursor.o : 0;
  const size = q.limit ?? PAGE_SIZE;
  const page = matches.slice(offset, offset + size);
  const supervisors = await supervisorsOf(page);
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
  const service = await serviceOf(caller);
  if (inIndexOrder(q)) {
    let cursor: string | undefined;
    do {
      const page = await openPage(service, { ...q, cursor, limit: size }, now);
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return;
  }
  const { matches, decisions } = await matchingRows(service, q, now);
  for (let offset = 0; offset === 0 || offset < matches.length; offset += size) {
    const rows = matches.slice(offset, offset + size);
    const supervisors = await supervisorsOf(rows);
    const items = rows.map((s) => rowOf(s, decisions, supervisors, now));
    yield { rows, items, supervisors, total: matches.length };
  }
}
