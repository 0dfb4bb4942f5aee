import type {
  AdminHistoryFilters,
  AdminOrganisationFilters,
  AdminStudentFilters,
  ExportList,
  SchoolStudentFilters,
  ServiceRequestFilters,
} from '#contract/exports';
import * as words from '#contract/labels';
import type { Organisation } from '#contract/organisations';
import { PROVINCE_LABELS, type Province } from '#contract/provinces';
import type { DecisionStatus } from '#contract/requests';
import type { Caller } from '#http/caller';
import {
  assertProvinceInRegion,
  organisationVisible,
  type Region,
  regionOf,
  withinRegion,
} from '#http/region';
import { mapLimit } from '#kernel/concurrency';
import { fold } from '#kernel/text';
import type * as z from '#kernel/zod';
import { listPeople, type StoredPerson } from '#organisations/people-store';
import { listOrganisations } from '#organisations/store';
import { batchGet } from '#platform/table/batch-get';
import { keys } from '#platform/table/keys';
import { historyOf, statusCountsOf } from '#requests/decisions-store';
import { type RequestRowsPage, requestRowPages } from '#requests/list';
import { maySeePersonalData } from '#requests/visibility';
import { schoolStudentRows } from '#students/list';
import { type StoredStudent, sectorStatusOf, statusOf } from '#students/rules';
import { decisionsOfService, listStudentsOfSchool } from '#students/store';
import { nationalNumberOf } from '#students/use-cases';
import { DECISION_STATUSES, TYPE_LABELS } from './labels';
import { type Column, formatDate, formatPhone, nationalNumberText } from './rules';

/**
 * What each list exports: its columns and its rows, page by page, read through the list's own use
 * case so that the file holds exactly what the list shows.
 */
export interface ExportSource<R> {
  columns: Column<R>[];
  pages: AsyncIterable<{ rows: R[]; total: number }>;
}

type Period = { start: string; end: string };
type Periods = readonly (Period | undefined)[];
const periodsText = (periods: Periods) =>
  periods
    .filter((p): p is Period => Boolean(p))
    .map((p) => `${formatDate(p.start)} – ${formatDate(p.end)}`)
    .join(', ');
const firstStart = (periods: Periods) => periods[0]?.start ?? null;
const lastEnd = (periods: Periods) => periods.at(-1)?.end ?? null;
const province = (p: string | undefined) => (p ? (PROVINCE_LABELS[p as Province] ?? p) : '');
const phone = (p: string | undefined) => (p ? formatPhone(p) : '');

/** Personal data is opened a few at a time: KMS in AWS, the key file locally. */
async function withNationalNumbers<T extends { student: StoredStudent }>(rows: T[]) {
  return mapLimit(rows, 16, async (r) => ({ ...r, nationalNumber: await nationalNumberOf(r.student) }));
}

async function* inPages<R>(rows: R[], size = 500) {
  for (let i = 0; i === 0 || i < rows.length; i += size)
    yield { rows: rows.slice(i, i + size), total: rows.length };
}

// ---------------------------------------------------------------- school: its own students

type SchoolRow = Awaited<ReturnType<typeof schoolStudentRows>>[number] & {
  nationalNumber: string;
  preferredServiceName?: string;
};

const schoolColumns: Column<SchoolRow>[] = [
  { header: 'Familienaam', kind: 'text', width: 20, value: (r) => r.student.lastName },
  { header: 'Voornaam', kind: 'text', width: 16, value: (r) => r.student.firstName },
  {
    header: 'Rijksregisternummer',
    kind: 'id',
    width: 18,
    personal: true,
    value: (r) => nationalNumberText(r.nationalNumber),
  },
  { header: 'E-mail', kind: 'text', width: 28, personal: true, value: (r) => r.student.email },
  { header: 'Telefoon', kind: 'id', width: 15, personal: true, value: (r) => phone(r.student.phone) },
  { header: 'Opleidingsvorm', kind: 'text', width: 20, value: (r) => words.TRACK_LABELS[r.student.track] },
  {
    header: 'Programma',
    kind: 'text',
    width: 24,
    value: (r) => (r.student.programme ? words.PROGRAMME_LABELS[r.student.programme] : ''),
  },
  { header: 'Straat', kind: 'text', width: 24, value: (r) => r.student.address.street },
  { header: 'Postcode', kind: 'id', width: 9, value: (r) => r.student.address.postcode },
  { header: 'Gemeente', kind: 'text', width: 16, value: (r) => r.student.address.city },
  { header: 'Stageprovincie', kind: 'text', width: 16, value: (r) => province(r.student.province) },
  {
    header: 'Vervoer',
    kind: 'text',
    width: 22,
    value: (r) => r.student.transport.map((t) => words.TRANSPORT_LABELS[t] ?? t).join(', '),
  },
  { header: 'Stagebegeleider', kind: 'text', width: 20, value: (r) => r.item.supervisorName },
  {
    header: 'Stagevorm',
    kind: 'text',
    width: 14,
    value: (r) => words.FORM_LABELS[r.student.internship.form] ?? r.student.internship.form,
  },
  { header: 'Uren per week', kind: 'number', width: 9, value: (r) => r.student.internship.hoursPerWeek },
  { header: 'Totaal uren', kind: 'number', width: 11, value: (r) => r.student.internship.totalHours },
  { header: 'Gevraagde periodes', kind: 'text', width: 26, value: (r) => periodsText(r.item.periods) },
  {
    header: 'Weekdagen',
    kind: 'text',
    width: 20,
    value: (r) => (r.student.internship.weekdays ?? []).map((d) => words.WEEKDAY_LABELS[d]).join(', '),
  },
  { header: 'Voorkeursdienst', kind: 'text', width: 24, value: (r) => r.preferredServiceName },
  { header: 'Status', kind: 'text', width: 16, value: (r) => words.STUDENT_STATUS_LABELS[r.item.status] },
  { header: 'Stageplek', kind: 'text', width: 24, value: (r) => r.item.placement?.serviceName },
  {
    header: 'Aanvaarde periodes',
    kind: 'text',
    width: 26,
    value: (r) => (r.item.placement ? periodsText(r.item.placement.periods) : ''),
  },
  {
    header: 'Start stage',
    kind: 'date',
    width: 11,
    value: (r) => firstStart(r.item.placement?.periods ?? []),
  },
  { header: 'Einde stage', kind: 'date', width: 11, value: (r) => lastEnd(r.item.placement?.periods ?? []) },
  { header: 'Mentor', kind: 'text', width: 20, value: (r) => r.item.placement?.contact.name },
  { header: 'Telefoon mentor', kind: 'id', width: 15, value: (r) => phone(r.item.placement?.contact.phone) },
  { header: 'E-mail mentor', kind: 'text', width: 26, value: (r) => r.item.placement?.contact.email },
  { header: 'Notities dienst', kind: 'text', width: 30, value: (r) => r.item.placement?.notes },
  { header: 'Opmerkingen school', kind: 'text', width: 30, value: (r) => r.student.remarks },
  { header: 'Opmerkingen stage', kind: 'text', width: 30, value: (r) => r.student.internship.remarks },
  { header: 'Ingevoerd op', kind: 'date', width: 12, value: (r) => r.student.registeredAt },
  { header: 'Gestopt op', kind: 'date', width: 11, value: (r) => r.student.stoppedAt },
];

async function schoolStudents(caller: Caller, filters: z.output<typeof SchoolStudentFilters>, now: Date) {
  const rows = await schoolStudentRows(caller.organisationId, filters, now);
  // The preferred services' names, one batch read for the few services a school's students chose.
  const preferred = [...new Set(rows.flatMap((r) => r.student.preferredServiceId ?? []))];
  const services = await batchGet<Pick<Organisation, 'id' | 'name'>>(
    preferred.map((id) => keys.organisation(id)),
    ['id', 'name'],
  );
  const names = new Map(services.map((s) => [s.id, s.name]));
  return {
    columns: schoolColumns,
    pages: (async function* () {
      for (let i = 0; i === 0 || i < rows.length; i += 200) {
        const page = await withNationalNumbers(rows.slice(i, i + 200));
        yield {
          rows: page.map((r) => ({
            ...r,
            preferredServiceName: r.student.preferredServiceId ? names.get(r.student.preferredServiceId) : '',
          })),
          total: rows.length,
        };
      }
    })(),
  };
}

// ---------------------------------------------------------------- service: open or accepted tab

type ServiceRow = {
  item: RequestRowsPage['items'][number];
  /** The stored student: whole on the accepted tab, the index's list fields on the open tab. */
  student: RequestRowsPage['rows'][number] & Partial<Pick<StoredStudent, 'email' | 'phone'>>;
  supervisor: { email: string; phone: string } | undefined;
  nationalNumber?: string;
};

const serviceColumns: Column<ServiceRow>[] = [
  { header: 'Familienaam', kind: 'text', width: 20, value: (r) => r.item.lastName },
  { header: 'Voornaam', kind: 'text', width: 16, value: (r) => r.item.firstName },
  { header: 'School', kind: 'text', width: 28, value: (r) => r.item.school.name },
  { header: 'Postcode', kind: 'id', width: 9, value: (r) => r.item.residence.postcode },
  { header: 'Gemeente', kind: 'text', width: 16, value: (r) => r.item.residence.city },
  { header: 'Provincie', kind: 'text', width: 16, value: (r) => province(r.item.residence.province) },
  { header: 'Periodes', kind: 'text', width: 26, value: (r) => periodsText(r.item.periods) },
  { header: 'Start', kind: 'date', width: 11, value: (r) => firstStart(r.item.periods) },
  { header: 'Einde', kind: 'date', width: 11, value: (r) => lastEnd(r.item.periods) },
  { header: 'Aantal periodes', kind: 'number', width: 9, value: (r) => r.item.periodCount },
  {
    header: 'Vervoer',
    kind: 'text',
    width: 22,
    value: (r) => r.item.transport.map((t) => words.TRANSPORT_LABELS[t] ?? t).join(', '),
  },
  {
    header: 'Stagevorm',
    kind: 'text',
    width: 14,
    value: (r) => words.FORM_LABELS[r.item.form] ?? r.item.form,
  },
  { header: 'Uren per week', kind: 'number', width: 9, value: (r) => r.item.hoursPerWeek },
  { header: 'Totaal uren', kind: 'number', width: 9, value: (r) => r.item.totalHours },
  { header: 'Stagebegeleider', kind: 'text', width: 20, value: (r) => r.item.supervisorName },
  { header: 'Ingevoerd op', kind: 'date', width: 12, value: (r) => r.item.registeredAt },
  { header: 'Status', kind: 'text', width: 16, value: (r) => words.DECISION_LABELS[r.item.status] },
];

/** Only on the accepted tab, beside the postcode, and only for students this service accepted. */
const streetColumn: Column<ServiceRow> = {
  header: 'Straat',
  kind: 'text',
  width: 24,
  personal: true,
  value: (r) => (r.nationalNumber ? r.student.address.street : ''),
};

/** Only on the accepted tab, and only for students this service accepted. */
const acceptedColumns: Column<ServiceRow>[] = [
  {
    header: 'Rijksregisternummer',
    kind: 'id',
    width: 18,
    personal: true,
    value: (r) => (r.nationalNumber ? nationalNumberText(r.nationalNumber) : ''),
  },
  {
    header: 'E-mail',
    kind: 'text',
    width: 28,
    personal: true,
    value: (r) => (r.nationalNumber ? r.student.email : ''),
  },
  {
    header: 'Telefoon',
    kind: 'id',
    width: 15,
    personal: true,
    value: (r) => (r.nationalNumber ? phone(r.student.phone) : ''),
  },
  {
    header: 'E-mail stagebegeleider',
    kind: 'text',
    width: 26,
    personal: true,
    value: (r) => (r.nationalNumber ? r.supervisor?.email : ''),
  },
  {
    header: 'Telefoon stagebegeleider',
    kind: 'id',
    width: 15,
    personal: true,
    value: (r) => (r.nationalNumber ? phone(r.supervisor?.phone) : ''),
  },
  {
    header: 'Aanvaarde periodes',
    kind: 'text',
    width: 26,
    value: (r) =>
      r.student.placement
        ? periodsText(
            r.student.placement.periods.map((i) => r.item.periods[i]).filter((p): p is Period => Boolean(p)),
          )
        : '',
  },
  { header: 'Contactpersoon', kind: 'text', width: 20, value: (r) => r.student.placement?.contact.name },
  { header: 'Notities', kind: 'text', width: 30, value: (r) => r.student.placement?.notes },
  { header: 'Aanvaard op', kind: 'date', width: 12, value: (r) => r.student.placement?.acceptedAt },
];

function serviceRequests(caller: Caller, filters: z.output<typeof ServiceRequestFilters>, now: Date) {
  const accepted = filters.tab === 'accepted';
  return {
    columns: accepted
      ? [
          ...serviceColumns.flatMap((c) => (c.header === 'Postcode' ? [streetColumn, c] : [c])),
          ...acceptedColumns,
        ]
      : serviceColumns,
    pages: (async function* () {
      for await (const page of requestRowPages(caller, filters, now)) {
        const byId = new Map(page.rows.map((s) => [s.id, s]));
        const rows: ServiceRow[] = await mapLimit(page.items, 16, async (item) => {
          const student = byId.get(item.id)!;
          const supervisor = page.supervisors.get(`${student.schoolId}/${student.internship.supervisorId}`);
          // The personal data of a student this service accepted; never of anyone else.
          const full = student as StoredStudent;
          const personal =
            accepted && full.nationalNumberEncrypted && maySeePersonalData(full, caller.organisationId);
          return {
            item,
            student,
            supervisor,
            ...(personal ? { nationalNumber: await nationalNumberOf(full) } : {}),
          };
        });
        yield { rows, total: page.total };
      }
    })(),
  };
}

// ---------------------------------------------------------------- admin: all students

/** Every student of every school: one index query per school (16 at a time), never a scan. */
async function allStudents(track?: string) {
  const schools = await listOrganisations('school');
  const perSchool = await mapLimit(schools, 16, (school) => listStudentsOfSchool(school.id));
  return perSchool.flat().filter((s) => !track || s.track === track);
}

/**
 * The students any service decided on: one query per service on the decision index. A student
 * without a decision has no history (both are written in one transaction), so only these need
 * their history read.
 */
async function decidedStudents(): Promise<Set<string>> {
  const services = await listOrganisations('service');
  const decisions = await mapLimit(services, 8, (s) => decisionsOfService(s.id));
  return new Set(decisions.flatMap((d) => [...d.keys()]));
}

const historyIfDecided = (decided: Set<string>, studentId: string) =>
  decided.has(studentId) ? historyOf(studentId) : Promise.resolve([]);

type AdminStudentRow = { student: StoredStudent; counts: Map<DecisionStatus, number> };

const adminStudentColumns: Column<AdminStudentRow>[] = [
  { header: 'School', kind: 'text', width: 28, value: (r) => r.student.schoolName },
  { header: 'Familienaam', kind: 'text', width: 20, value: (r) => r.student.lastName },
  { header: 'Voornaam', kind: 'text', width: 16, value: (r) => r.student.firstName },
  { header: 'E-mail', kind: 'text', width: 28, personal: true, value: (r) => r.student.email },
  { header: 'Telefoon', kind: 'id', width: 15, personal: true, value: (r) => phone(r.student.phone) },
  { header: 'Opleidingsvorm', kind: 'text', width: 20, value: (r) => words.TRACK_LABELS[r.student.track] },
  { header: 'Postcode', kind: 'id', width: 9, value: (r) => r.student.address.postcode },
  { header: 'Gemeente', kind: 'text', width: 16, value: (r) => r.student.address.city },
  { header: 'Stageprovincie', kind: 'text', width: 16, value: (r) => province(r.student.province) },
  { header: 'Totaal uren', kind: 'number', width: 9, value: (r) => r.student.internship.totalHours },
  {
    header: 'Status',
    kind: 'text',
    width: 16,
    value: (r) => words.STUDENT_STATUS_LABELS[statusOf(r.student)],
  },
  { header: 'Stageplek', kind: 'text', width: 24, value: (r) => r.student.placement?.serviceName },
  {
    header: 'Aanvaarde periodes',
    kind: 'text',
    width: 26,
    value: (r) =>
      r.student.placement
        ? periodsText(
            r.student.placement.periods
              .map((i) => r.student.internship.periods[i])
              .filter((p): p is Period => Boolean(p)),
          )
        : '',
  },
  { header: 'Aanvaard op', kind: 'date', width: 12, value: (r) => r.student.placement?.acceptedAt },
  { header: 'Ingevoerd op', kind: 'date', width: 12, value: (r) => r.student.registeredAt },
  // One column per status a service can choose; the dual statuses join through the contract.
  ...DECISION_STATUSES.map(
    (status): Column<AdminStudentRow> => ({
      header: `Aantal keer ${words.DECISION_LABELS[status].toLowerCase()}`,
      kind: 'number',
      width: 12,
      value: (r) => r.counts.get(status) ?? 0,
    }),
  ),
];

const byStudentName = (a: StoredStudent, b: StoredStudent) =>
  a.schoolName.localeCompare(b.schoolName, 'nl-BE') ||
  fold(`${a.lastName} ${a.firstName}`).localeCompare(fold(`${b.lastName} ${b.firstName}`), 'nl-BE');

/** The all-students page's filters, as its list applies them (`listAllStudents`), in the actor's region. */
async function adminStudents(filters: z.output<typeof AdminStudentFilters>, region: Region) {
  const now = new Date();
  const named = filters.name ?? filters.q;
  const q = named ? fold(named) : undefined;
  const school = filters.school ? fold(filters.school) : undefined;
  const all = withinRegion(region, await allStudents(filters.track), (s) => s.province);
  const students = all
    .filter((s) => !filters.status || sectorStatusOf(s, now) === filters.status)
    .filter((s) => !filters.province || s.province === filters.province)
    .filter((s) => !school || fold(s.schoolName).includes(school) || s.schoolId === filters.school)
    .filter((s) => !q || fold(`${s.firstName} ${s.lastName} ${s.lastName} ${s.firstName}`).includes(q))
    .sort(byStudentName);
  // How often services chose each status: the counters kept in the decisions' own transactions
  // (choices, not current holders), read for the whole list at once, a few batches in flight.
  const counts = await statusCountsOf(students.map((s) => s.id));
  return {
    columns: adminStudentColumns,
    pages: (async function* () {
      for (let i = 0; i === 0 || i < students.length; i += 500) {
        const batch = students.slice(i, i + 500);
        const rows = batch.map((student) => ({
          student,
          counts: new Map(Object.entries(counts.get(student.id) ?? {})) as Map<DecisionStatus, number>,
        }));
        yield { rows, total: students.length };
      }
    })(),
  };
}

// ---------------------------------------------------------------- admin: organisations and people

type OrganisationRow = { organisation: Organisation; person?: StoredPerson };

const organisationColumns: Column<OrganisationRow>[] = [
  { header: 'Soort', kind: 'text', width: 10, value: (r) => TYPE_LABELS[r.organisation.type] },
  { header: 'Organisatie', kind: 'text', width: 30, value: (r) => r.organisation.name },
  { header: 'E-mail organisatie', kind: 'text', width: 28, value: (r) => r.organisation.email },
  { header: 'Straat', kind: 'text', width: 24, value: (r) => r.organisation.address?.street },
  { header: 'Postcode', kind: 'id', width: 9, value: (r) => r.organisation.address?.postcode },
  { header: 'Gemeente', kind: 'text', width: 16, value: (r) => r.organisation.address?.city },
  { header: 'Provincie', kind: 'text', width: 16, value: (r) => province(r.organisation.province) },
  {
    header: 'Sector',
    kind: 'text',
    width: 14,
    value: (r) => (r.organisation.sector ? words.SECTOR_LABELS[r.organisation.sector] : ''),
  },
  {
    header: 'Opleidingsvormen',
    kind: 'text',
    width: 28,
    value: (r) => (r.organisation.tracks ?? []).map((t) => words.TRACK_LABELS[t]).join(', '),
  },
  { header: 'Actief', kind: 'text', width: 7, value: (r) => (r.organisation.active ? 'ja' : 'nee') },
  { header: 'Persoon', kind: 'text', width: 20, value: (r) => r.person?.name },
  { header: 'E-mail persoon', kind: 'text', width: 28, personal: true, value: (r) => r.person?.email },
  {
    header: 'Login',
    kind: 'text',
    width: 14,
    value: (r) => (r.person ? words.PERSON_STATUS_LABELS[r.person.status] : ''),
  },
  { header: 'Uitgenodigd op', kind: 'date', width: 12, value: (r) => r.person?.invitedAt },
  { header: 'Geactiveerd op', kind: 'date', width: 12, value: (r) => r.person?.activatedAt },
];

async function adminOrganisations(filters: z.output<typeof AdminOrganisationFilters>, caller: Caller) {
  const region = regionOf(caller);
  assertProvinceInRegion(region, filters.province);
  const q = filters.q ? fold(filters.q) : undefined;
  // A regional team's file: the services of its provinces, the schools with students there.
  const schools =
    region === null
      ? null
      : new Set(withinRegion(region, await allStudents(), (s) => s.province).map((s) => s.schoolId));
  // The page's filters (`findOrganisations`), without its use case's Cognito imports in this bundle.
  const organisations = (await listOrganisations(filters.type)).filter(
    (o) =>
      (!filters.province || o.province === filters.province) &&
      (!q || fold(o.name).includes(q)) &&
      organisationVisible(caller, o, schools),
  );
  const people = await mapLimit(organisations, 8, (o) => listPeople(o.id));
  const rows = organisations.flatMap((organisation, i) => {
    const own = (people[i] ?? []).sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'));
    return own.length ? own.map((person) => ({ organisation, person })) : [{ organisation }];
  });
  return { columns: organisationColumns, pages: inPages<OrganisationRow>(rows) };
}

// ---------------------------------------------------------------- admin: decision history

type HistoryRow = {
  decidedAt: string;
  status: DecisionStatus;
  student: StoredStudent;
  serviceName: string;
  decidedBy: string;
};

const historyColumns: Column<HistoryRow>[] = [
  { header: 'Tijdstip', kind: 'datetime', width: 17, value: (r) => r.decidedAt },
  { header: 'Dienst', kind: 'text', width: 28, value: (r) => r.serviceName },
  { header: 'Beslist door', kind: 'text', width: 20, value: (r) => r.decidedBy },
  { header: 'Beslissing', kind: 'text', width: 16, value: (r) => words.DECISION_LABELS[r.status] },
  { header: 'Familienaam', kind: 'text', width: 20, value: (r) => r.student.lastName },
  { header: 'Voornaam', kind: 'text', width: 16, value: (r) => r.student.firstName },
  { header: 'School', kind: 'text', width: 28, value: (r) => r.student.schoolName },
  { header: 'Opleidingsvorm', kind: 'text', width: 20, value: (r) => words.TRACK_LABELS[r.student.track] },
];

async function adminHistory(filters: z.output<typeof AdminHistoryFilters>, region: Region) {
  const [students, services, decided] = await Promise.all([
    allStudents(filters.track).then((all) => withinRegion(region, all, (s) => s.province)),
    listOrganisations('service'),
    decidedStudents(),
  ]);
  const serviceNames = new Map(services.map((s) => [s.id, s.name]));
  const people = new Map<string, Promise<Map<string, string>>>();
  const personName = async (serviceId: string, personId: string) => {
    let names = people.get(serviceId);
    if (!names) {
      names = listPeople(serviceId).then((list) => new Map(list.map((p) => [p.id, p.name])));
      people.set(serviceId, names);
    }
    return (await names).get(personId) ?? '';
  };
  const histories = await mapLimit(students, 32, async (student) =>
    Promise.all(
      (await historyIfDecided(decided, student.id)).map(async (d) => ({
        decidedAt: d.decidedAt,
        status: d.status,
        student,
        serviceName: serviceNames.get(d.serviceId) ?? '',
        decidedBy: await personName(d.serviceId, d.decidedBy),
      })),
    ),
  );
  const rows = histories.flat().sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
  return { columns: historyColumns, pages: inPages<HistoryRow>(rows) };
}

// ----------------------------------------------------------------

/** The columns and rows of one list, for the person who asked, as their list shows it now. */
export async function exportSource(
  list: ExportList,
  caller: Caller,
  filters: Record<string, unknown>,
  now: Date,
  // biome-ignore lint/suspicious/noExplicitAny: each list has its own row type; the writer only needs the columns' view of it.
): Promise<ExportSource<any>> {
  switch (list) {
    case 'school-students':
      return schoolStudents(caller, filters as never, now);
    case 'service-requests':
      return serviceRequests(caller, filters as never, now);
    // A regional team's files hold its provinces only (`#http/region`), as its lists do.
    case 'admin-students':
      return adminStudents(filters as never, regionOf(caller));
    case 'admin-organisations':
      return adminOrganisations(filters as never, caller);
    case 'admin-history':
      return adminHistory(filters as never, regionOf(caller));
  }
}
