import type { DecisionInput, DecisionStatus } from '#contract/decisions';
import { periodsProblem } from '#contract/decisions';
import { formatNationalNumber } from '#contract/national-number';
import type { Organisation, Track } from '#contract/organisations';
import { PROVINCES, type Province } from '#contract/provinces';
import type { StoredStudent } from '#contract/students';
import type { Caller } from '#http/caller';
import { conflict, notFound, validationFailed } from '#kernel/errors';
import { fold } from '#kernel/text';
import { getOrganisation } from '#organisations/store';
import { contacts } from '#people/contacts';
import type { Supervisor } from '#people/supervisors';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { getStudent } from '#students/store';
import { nationalNumberOf } from '#students/use-cases';
import { AcceptanceRefused, acceptStudent, decisionsOfService, recordDecision } from './decisions-store';
import { countOpenStudents, type OpenStudent, openStudents, openStudentsPage } from './open-index';
import { getPhase } from './phases-store';
import { maySeePersonalData, serviceMaySee } from './visibility';

export const PAGE_SIZE = 50;
const PLACED_ELSEWHERE =
  'Deze leerling werd net door een andere dienst geplaatst en staat niet meer in je lijst.';
const NOT_VISIBLE = 'Deze leerling is niet (meer) zichtbaar voor jouw dienst.';
const FINAL =
  'Je aanvaardde deze leerling al. Een aanvaarding is definitief en kan niet meer veranderd worden.';

export interface RequestQuery {
  track: Track;
  tab: 'open' | 'accepted';
  name?: string;
  province?: Province[];
  school?: string;
  postcode?: string;
  transport?: string[];
  sort?: 'name' | '-name' | 'postcode' | '-registered';
  cursor?: string;
  limit?: number;
}

type Row = OpenStudent & Partial<Pick<StoredStudent, 'stoppedAt' | 'placement'>>;

export async function serviceOf(caller: Caller): Promise<Organisation> {
  const service = await getOrganisation(caller.organisationId);
  if (!service) throw notFound();
  return service;
}

/** The open-index queries this service may run now, one per province, in default list order. */
async function openQueries(service: Organisation, q: RequestQuery, now: Date) {
  const phase = await getPhase(q.track);
  if (phase === 'closed') return [];
  const wanted = q.province?.length ? q.province : [...PROVINCES];
  // In the preferred round a service looks only in its own province, at students who chose it.
  const provinces = (phase === 'preferred' ? wanted.filter((p) => p === service.province) : wanted).sort();
  return provinces.map((province) => ({
    track: q.track,
    province,
    now,
    postcodePrefix: q.postcode,
    transport: q.transport,
    preferredServiceId: phase === 'preferred' ? service.id : undefined,
  }));
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
  const queries = await openQueries(service, q, now);
  const cursor = readCursor(q.cursor);
  const start = cursor.m === 'index' ? cursor : { p: 0, k: undefined };
  const [counts, decisions] = await Promise.all([
    Promise.all(queries.map((query) => countOpenStudents(query))),
    decisionsOfService(service.id),
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
    items: rows.map((s) => listItem(s, decisions.get(s.id) ?? 'undecided', supervisors)),
    nextCursor: next ? writeCursor(next) : null,
    total: counts.reduce((a, b) => a + b, 0),
  };
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

export async function listRequests(caller: Caller, q: RequestQuery, now: Date) {
  const service = await serviceOf(caller);
  if (q.tab === 'open' && !q.sort && !q.name && !q.school) return openPageInIndexOrder(service, q, now);
  const [rows, decisions] = await Promise.all([rowsFor(service, q, now), decisionsOfService(service.id)]);
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
  const cursor = readCursor(q.cursor);
  const offset = cursor.m === 'offset' ? cursor.o : 0;
  const size = q.limit ?? PAGE_SIZE;
  const page = matches.slice(offset, offset + size);
  const supervisors = await supervisorsOf(page);
  return {
    items: page.map((s) => listItem(s, decisions.get(s.id) ?? 'undecided', supervisors)),
    nextCursor: offset + size < matches.length ? writeCursor({ m: 'offset', o: offset + size }) : null,
    total: matches.length,
  };
}

/** Where the next page starts: a position in the index (default order) or an offset (other orders). */
type Cursor = { m: 'index'; p: number; k?: Record<string, unknown> } | { m: 'offset'; o: number };

function readCursor(cursor?: string): Cursor {
  if (!cursor) return { m: 'offset', o: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (parsed.m === 'offset' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed;
    if (parsed.m === 'index' && Number.isInteger(parsed.p) && parsed.p >= 0) return parsed;
  } catch {
    // falls through to the field error
  }
  throw validationFailed([
    { path: 'cursor', in: 'query', message: 'Ongeldige cursor: begin opnieuw bij de eerste pagina.' },
  ]);
}

const writeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

async function supervisorsOf(rows: Pick<Row, 'schoolId' | 'internship'>[]) {
  const wanted = new Map(
    rows.map((r) => [
      `${r.schoolId}/${r.internship.supervisorId}`,
      keys.supervisor(r.schoolId, r.internship.supervisorId),
    ]),
  );
  const found = await batchGet<Supervisor>([...wanted.values()]);
  return new Map(found.map((s) => [`${s.schoolId}/${s.id}`, s]));
}

function listItem(s: Row, status: DecisionStatus, supervisors: Map<string, Supervisor>) {
  const i = s.internship;
  return {
    id: s.id,
    track: s.track,
    firstName: s.firstName,
    lastName: s.lastName,
    school: { id: s.schoolId, name: s.schoolName },
    residence: {
      street: s.address.street,
      postcode: s.address.postcode,
      city: s.address.city,
      province: s.province,
    },
    periods: i.periods,
    periodCount: i.periods.length,
    transport: s.transport,
    form: i.form,
    hoursPerWeek: i.hoursPerWeek ?? null,
    totalHours: i.totalHours,
    supervisorName: supervisors.get(`${s.schoolId}/${i.supervisorId}`)?.name ?? null,
    registeredAt: s.registeredAt,
    status,
    stopped: Boolean(s.stoppedAt),
  };
}

/** The student, if this service may see them now; 404 otherwise, whatever the reason. */
async function visibleStudent(service: Organisation, studentId: string, now: Date): Promise<StoredStudent> {
  const student = await getStudent(studentId);
  if (!student || !serviceMaySee(student, service, await getPhase(student.track), now)) {
    throw notFound(NOT_VISIBLE);
  }
  return student;
}

export async function requestDetail(caller: Caller, studentId: string, now: Date) {
  const service = await serviceOf(caller);
  const student = await visibleStudent(service, studentId, now);
  return detailOf(service, student);
}

async function detailOf(service: Organisation, student: StoredStudent) {
  const [decisions, supervisors] = await Promise.all([
    decisionsOfService(service.id),
    supervisorsOf([student]),
  ]);
  const supervisor = supervisors.get(`${student.schoolId}/${student.internship.supervisorId}`);
  const base = {
    ...listItem(student, decisions.get(student.id) ?? 'undecided', supervisors),
    remarks: student.remarks,
    internshipRemarks: student.internship.remarks,
    weekdays: student.internship.weekdays ?? [],
  };
  if (!maySeePersonalData(student, service.id)) return { ...base, personal: null, placement: null };
  return {
    ...base,
    personal: {
      nationalNumber: formatNationalNumber(await nationalNumberOf(student)),
      email: student.email,
      phone: student.phone,
      supervisor: supervisor
        ? { name: supervisor.name, email: supervisor.email, phone: supervisor.phone }
        : null,
    },
    placement: student.placement ?? null,
  };
}

/**
 * For a decision, a student taken by another service in the meantime is a conflict the person must
 * hear about ("placed elsewhere"), not a 404; students this service could never see stay 404.
 */
async function studentToDecideOn(
  service: Organisation,
  studentId: string,
  now: Date,
): Promise<StoredStudent> {
  // One read decides: a second one could see a placement the first did not and answer 404.
  const student = await getStudent(studentId);
  const phase = student ? await getPhase(student.track) : 'closed';
  if (student?.placement && student.placement.serviceId !== service.id) {
    if (serviceMaySee({ ...student, placement: undefined }, service, phase, now))
      throw conflict(PLACED_ELSEWHERE);
  }
  if (!student || !serviceMaySee(student, service, phase, now)) throw notFound(NOT_VISIBLE);
  return student;
}

export async function decide(caller: Caller, studentId: string, input: DecisionInput, now: Date) {
  const service = await serviceOf(caller);
  const student = await studentToDecideOn(service, studentId, now);
  if (student.placement?.serviceId === service.id) throw conflict(FINAL);
  const decision = {
    studentId,
    serviceId: service.id,
    status: input.status,
    decidedAt: now.toISOString(),
    decidedBy: caller.userId,
  };

  if (input.status !== 'accepted') {
    if (!(await recordDecision(decision))) throw conflict(FINAL);
    return detailOf(service, student);
  }

  const [contact, problem] = [
    await contacts.get(service.id, input.contactId),
    periodsProblem(input.periods, student.internship.periods.length),
  ];
  if (!contact || problem) {
    throw validationFailed([
      ...(contact
        ? []
        : [{ path: 'contactId', in: 'body' as const, message: 'Kies een contactpersoon van je dienst.' }]),
      ...(problem ? [{ path: 'periods', in: 'body' as const, message: problem }] : []),
    ]);
  }
  const placement = {
    serviceId: service.id,
    serviceName: service.name,
    contact: { name: contact.name, phone: contact.phone, email: contact.email },
    periods: input.periods,
    notes: input.notes,
    acceptedAt: now.toISOString(),
    acceptedBy: caller.userId,
  };
  try {
    await acceptStudent(decision, placement, contact.id);
  } catch (error) {
    if (!(error instanceof AcceptanceRefused)) throw error;
    if (error.reason === 'contact') {
      throw validationFailed([
        { path: 'contactId', in: 'body', message: 'Kies een contactpersoon van je dienst.' },
      ]);
    }
    const now2 = await getStudent(studentId);
    throw conflict(
      now2?.placement?.serviceId === service.id
        ? FINAL
        : now2?.stoppedAt
          ? 'Deze leerling is intussen gestopt.'
          : PLACED_ELSEWHERE,
    );
  }
  return detailOf(service, { ...student, placement });
}
