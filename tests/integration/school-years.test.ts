import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNationalNumber } from '#contract/national-number';
import { localDynamo } from '#local/local-clients';
import { type LocalStack, startLocalStack } from '#local/stack';
import { startYearProcess, type YearProcess } from '#local/year-process';
import { suppress } from '#platform/suppression-list';
import { acceptStudent, recordDecision } from '#requests/decisions-store';
import { openYear } from '#school-years/opening';
import { keptCounts, runRetention } from '#school-years/retention';
import { countedOf } from '#statistics/counted';
import { getStudent } from '#students/store';
import { validStudent } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

/**
 * Two school years against the same local services, as two years' stacks share the platform in
 * AWS: 2026-2027 in this process (its own emulators, so archiving it touches no other test), and
 * 2027-2028 in a process of its own on the same DynamoDB, S3, Cognito and mailbox.
 */
const FIRST = '2026-2027';
const ARCHIVED =
  'Het schooljaar 2026-2027 is gearchiveerd: je kan alles bekijken en exporteren, maar niets meer wijzigen.';
const NEXT = '2027-2028';
const dataDir = mkdtempSync(join(tmpdir(), 'stagematching-years-'));
let first: LocalStack;
let next: YearProcess;

async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
}

type Login = TestUser;

/** The address switches to 2027-2028: in AWS the address's deploy, here a (new) start of its process. */
async function switchToNext() {
  await next?.stop();
  next = await startYearProcess({ schoolYear: NEXT, dataDir, endpoints: first.endpoints, switchHere: true });
}

async function login(base: string, who: Login) {
  return call(base, 'POST', '/auth/login', { body: { email: who.email, password: who.password } });
}

async function tokenAt(base: string, who: Login): Promise<string> {
  const res = await login(base, who);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.accessToken;
}

/**
 * The export bucket's objects with their contents, read from s3rver's folder: S3's bucket-level
 * calls (ListObjects) do not verify against s3rver (see local/s3-local.ts).
 */
function exportFiles(): { name: string; text: string }[] {
  const bucket = join(dataDir, 's3', first.exportBucket);
  return readdirSync(bucket, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('._S3rver_object'))
    .map((name) => ({ name, text: readFileSync(join(bucket, name), 'utf8') }));
}

async function scanTable(tableName: string) {
  const client = DynamoDBDocumentClient.from(localDynamo(first.endpoints.dynamodb));
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

let admin: Login;
let school: Login;
let gone: Login;
let service: Login;
let leftOut: Login;
const student = validStudent('', {
  email: 'lien.vorigjaar@leerling.example',
  phone: '0470 98 76 54',
  lastName: 'Vorigjaar',
});
const nationalNumber = student.nationalNumber as string;
/** A student placed in 2026-2027: the placement's mentor, notes and a release asked and declined. */
const placedStudent = validStudent('', {
  firstName: 'Sam',
  lastName: 'Geplaatst',
  email: 'sam.geplaatst@leerling.example',
  phone: '0471 55 44 33',
});
const PLACEMENT_NOTES = 'Start om 8 uur aan het kantoor in Oostkamp.';
const RELEASE_ASKED = 'De dienst sluit haar team in Oostkamp.';
const RELEASE_DECLINED = 'Bel eerst de school: er is een oplossing.';
let supervisorId: string;
let contactId: string;
let otherContactId: string;

beforeAll(async () => {
  first = await startLocalStack({
    schoolYear: FIRST,
    dataDir,
    persist: false,
    ports: { app: 0, mail: 0 },
    scheduler: false,
  });
  admin = await createTestUser({ role: 'admin' });
  school = await createTestUser({ role: 'school' });
  gone = await createTestUser({ organisation: school.organisation });
  service = await createTestUser({ role: 'service' });
  leftOut = await createTestUser({ role: 'service' });
}, 120_000);

afterAll(async () => {
  await next?.stop();
  await first?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('from one school year to the next', () => {
  it('works in 2026-2027: a supervisor, a contact person, a student, an export', async () => {
    const schoolToken = await tokenAt(first.appUrl, school);
    const supervisor = await call(first.appUrl, 'POST', '/supervisors', {
      token: schoolToken,
      body: { name: 'Mevrouw Janssens', phone: '050 12 34 56', email: 'janssens@school.example' },
    });
    expect(supervisor.status).toBe(201);
    supervisorId = supervisor.body.id;
    student.internship.supervisorId = supervisorId;
    const entered = await call(first.appUrl, 'POST', '/students', { token: schoolToken, body: student });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);

    const serviceToken = await tokenAt(first.appUrl, service);
    const contact = await call(first.appUrl, 'POST', '/contacts', {
      token: serviceToken,
      body: { name: 'Mentor Marleen', phone: '09 123 45 67', email: 'marleen@dienst.example' },
    });
    expect(contact.status).toBe(201);
    contactId = contact.body.id;
    const other = await call(first.appUrl, 'POST', '/contacts', {
      token: serviceToken,
      body: { name: 'Mentor Piet', phone: '09 222 22 22', email: 'piet@dienst.example' },
    });
    expect(other.status).toBe(201);
    otherContactId = other.body.id;

    // A placement with its mentor and notes; the service asks to end it, the sector declines.
    placedStudent.internship.supervisorId = supervisorId;
    const second = await call(first.appUrl, 'POST', '/students', { token: schoolToken, body: placedStudent });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const accepted = await call(first.appUrl, 'PUT', `/requests/${second.body.id}/decision`, {
      token: serviceToken,
      body: { status: 'accepted', contactId, periods: [0], notes: PLACEMENT_NOTES },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const asked = await call(first.appUrl, 'POST', `/requests/${second.body.id}/release-request`, {
      token: serviceToken,
      body: { reason: RELEASE_ASKED },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);

    const started = await call(first.appUrl, 'POST', '/exports', {
      token: schoolToken,
      body: { list: 'school-students', format: 'csv', filters: {} },
    });
    expect(started.status).toBe(202);
    await expect
      .poll(
        async () =>
          (await call(first.appUrl, 'GET', `/exports/${started.body.id}`, { token: schoolToken })).body
            .status,
        { timeout: 15_000 },
      )
      .toBe('ready');

    // The supervisor's address bounced: nothing is sent to it, this year or the next.
    await suppress({
      email: 'janssens@school.example',
      reason: 'bounce',
      since: new Date().toISOString(),
      detail: 'smtp; 550 5.1.1 user unknown',
    });

    // A person who left: deactivated, and so in every year.
    const adminToken = await tokenAt(first.appUrl, admin);
    const declined = await call(
      first.appUrl,
      'POST',
      `/admin/students/${second.body.id}/release-request/decline`,
      { token: adminToken, body: { reason: RELEASE_DECLINED } },
    );
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    const deactivated = await call(
      first.appUrl,
      'DELETE',
      `/organisations/${school.organisation.id}/members/${gone.person.id}`,
      { token: adminToken },
    );
    expect(deactivated.status).toBe(200);
  });

  it('prepares 2027-2028: the calendar one year later with warnings, 409 a second time', async () => {
    const adminToken = await tokenAt(first.appUrl, admin);
    const prepared = await call(first.appUrl, 'POST', '/school-years', {
      token: adminToken,
      body: { schoolYear: NEXT },
    });
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
    expect(prepared.body).toMatchObject({ schoolYear: NEXT, status: 'next', retentionUntil: '2029-08-31' });
    const preferred = prepared.body.rounds.find((r: { id: string }) => r.id === 'secondary-7-preferred');
    expect(preferred).toMatchObject({ opensAt: '2027-09-04T12:00', closesAt: '2027-09-18T12:00' });
    expect(preferred.warnings).toEqual([
      'Begin: 04/09/2027 valt op een zaterdag.',
      'Einde: 18/09/2027 valt op een zaterdag.',
    ]);
    expect(
      prepared.body.organisations.find((o: { id: string }) => o.id === leftOut.organisation.id),
    ).toMatchObject({
      takesPart: true,
    });

    const again = await call(first.appUrl, 'POST', '/school-years', {
      token: adminToken,
      body: { schoolYear: NEXT },
    });
    expect(again.status).toBe(409);

    // The coordinator moves the weekend opening to the Monday, and leaves one service out.
    const moved = await call(first.appUrl, 'PUT', `/school-years/${NEXT}/rounds/secondary-7-preferred`, {
      token: adminToken,
      body: { opensAt: '2027-09-06T12:00' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.warnings).toEqual(['Einde: 18/09/2027 valt op een zaterdag.']);
    const participation = await call(first.appUrl, 'PUT', `/school-years/${NEXT}/organisations`, {
      token: adminToken,
      body: { excludedOrganisations: [leftOut.organisation.id] },
    });
    expect(participation.status).toBe(200);

    const list = await call(first.appUrl, 'GET', '/school-years', { token: adminToken });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        schoolYear: FIRST,
        status: 'current',
        atAddress: true,
        retentionUntil: '2028-08-31',
        students: 2,
      }),
      expect.objectContaining({
        schoolYear: NEXT,
        status: 'next',
        atAddress: false,
        retentionUntil: '2029-08-31',
      }),
    ]);
  });

  it('lets last year’s people log in to 2027-2028 with their password and find their organisation there', async () => {
    await switchToNext();

    const schoolToken = await tokenAt(next.appUrl, school);
    const me = await call(next.appUrl, 'GET', '/me', { token: schoolToken });
    expect(me.body).toMatchObject({
      schoolYear: { id: NEXT, status: 'current' },
      organisation: { id: school.organisation.id, name: school.organisation.name },
    });
    const supervisors = await call(next.appUrl, 'GET', '/supervisors', { token: schoolToken });
    expect(supervisors.body.items).toEqual([
      expect.objectContaining({
        id: supervisorId,
        name: 'Mevrouw Janssens',
        studentCount: 0,
        // Her address bounced last year: the school still sees that it needs correcting.
        unreachable: expect.objectContaining({ reason: 'bounce' }),
      }),
    ]);
    const students = await call(next.appUrl, 'GET', '/students', { token: schoolToken });
    expect(students.status).toBe(200);
    expect(students.body.items).toEqual([]);

    const serviceToken = await tokenAt(next.appUrl, service);
    const contacts = await call(next.appUrl, 'GET', '/contacts', { token: serviceToken });
    expect(contacts.body.items.map((c: { name: string }) => c.name).sort()).toEqual([
      'Mentor Marleen',
      'Mentor Piet',
    ]);

    // The calendar is the one the coordinator prepared.
    const calendar = await call(next.appUrl, 'GET', '/school-year', { token: schoolToken });
    expect(calendar.body.schoolYear).toBe(NEXT);
    expect(calendar.body.rounds.find((r: { id: string }) => r.id === 'secondary-7-preferred').opensAt).toBe(
      '2027-09-06T12:00',
    );

    // Deactivated stays deactivated; a service left out has no place in the new year.
    expect((await login(next.appUrl, gone)).status).not.toBe(200);
    expect((await login(next.appUrl, leftOut)).status).toBe(403);
    expect((await login(first.appUrl, leftOut)).status).toBe(200);

    // The new year takes new students, with last year's supervisor.
    const entered = await call(next.appUrl, 'POST', '/students', {
      token: schoolToken,
      body: validStudent(supervisorId, { lastName: 'Nieuwjaar' }),
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
  });

  it('carries over again at the switch: last year’s changes follow, the new year’s own changes stay', async () => {
    // In 2026-2027, after the year opened: Piet gets a new phone number, a mentor joins.
    const oldService = await tokenAt(first.appUrl, service);
    const changed = await call(first.appUrl, 'PUT', `/contacts/${otherContactId}`, {
      token: oldService,
      body: { name: 'Mentor Piet', phone: '09 333 33 33', email: 'piet@dienst.example' },
    });
    expect(changed.status).toBe(200);
    const joined = await call(first.appUrl, 'POST', '/contacts', {
      token: oldService,
      body: { name: 'Mentor Nadia', phone: '09 765 43 21', email: 'nadia@dienst.example' },
    });
    expect(joined.status).toBe(201);
    // In 2027-2028 the service already changed Marleen's phone: that is the new year's own now.
    const newService = await tokenAt(next.appUrl, service);
    const edited = await call(next.appUrl, 'PUT', `/contacts/${contactId}`, {
      token: newService,
      body: { name: 'Mentor Marleen', phone: '09 111 11 11', email: 'marleen@dienst.example' },
    });
    expect(edited.status).toBe(200);

    // The switch opens the year again (in AWS the address's deploy; here a new start).
    await switchToNext();

    const serviceToken = await tokenAt(next.appUrl, service);
    const contacts = await call(next.appUrl, 'GET', '/contacts', { token: serviceToken });
    expect(contacts.body.items.map((c: { name: string; phone: string }) => [c.name, c.phone]).sort()).toEqual(
      [
        ['Mentor Marleen', '09 111 11 11'],
        ['Mentor Nadia', '09 765 43 21'],
        ['Mentor Piet', '09 333 33 33'],
      ],
    );
  });

  it('rolls the switch back and forward again: the address serves one year, the new year keeps its data', async () => {
    const adminToken = await tokenAt(first.appUrl, admin);
    const atAddress = async () =>
      (await call(first.appUrl, 'GET', '/school-years', { token: adminToken })).body.map(
        (y: { schoolYear: string; status: string; atAddress: boolean }) => [
          y.schoolYear,
          y.status,
          y.atAddress,
        ],
      );

    // The address deployed again with 2026-2027 opens that year there (its opening, with the switch).
    await openYear(new Date(), { switchHere: true });
    expect(await atAddress()).toEqual([
      [FIRST, 'current', true],
      [NEXT, 'next', false],
    ]);

    // And forward again: 2027-2028 is current with what it had (its student, its own mentor edit).
    await switchToNext();
    expect(await atAddress()).toEqual([
      [FIRST, 'current', false],
      [NEXT, 'current', true],
    ]);
    const schoolToken = await tokenAt(next.appUrl, school);
    const students = await call(next.appUrl, 'GET', '/students', { token: schoolToken });
    expect(students.body.items.map((s: { lastName: string }) => s.lastName)).toEqual(['Nieuwjaar']);
  });

  it('archives 2026-2027: reads and exports still work, every write answers 409', async () => {
    const adminToken = await tokenAt(next.appUrl, admin);
    const list = await call(next.appUrl, 'GET', '/school-years', { token: adminToken });
    // Both still run (last year takes late changes until it is archived); the address serves one.
    expect(
      list.body.map((y: { schoolYear: string; status: string; atAddress: boolean }) => [
        y.schoolYear,
        y.status,
        y.atAddress,
      ]),
    ).toEqual([
      [FIRST, 'current', false],
      [NEXT, 'current', true],
    ]);
    const early = await call(next.appUrl, 'PUT', `/school-years/${FIRST}`, {
      token: adminToken,
      body: { retentionUntil: '2027-05-01' },
    });
    expect(early.status).toBe(400);
    expect(early.body.details[0].message).toContain('laatste ronde');

    const archived = await call(next.appUrl, 'PUT', `/school-years/${FIRST}`, {
      token: adminToken,
      body: { status: 'archived' },
    });
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(archived.body).toMatchObject({ schoolYear: FIRST, status: 'archived' });

    const schoolToken = await tokenAt(first.appUrl, school);
    const refused = await call(first.appUrl, 'POST', '/students', {
      token: schoolToken,
      body: validStudent(supervisorId, { lastName: 'Telaat' }),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(ARCHIVED);
    const edit = await call(first.appUrl, 'PUT', `/supervisors/${supervisorId}`, {
      token: schoolToken,
      body: { name: 'Mevrouw Janssens', phone: '050 12 34 56', email: 'nieuw@school.example' },
    });
    expect(edit.status).toBe(409);
    const history = await call(first.appUrl, 'GET', '/students', { token: schoolToken });
    expect(history.body.items.map((s: { lastName: string }) => s.lastName).sort()).toEqual([
      'Geplaatst',
      'Vorigjaar',
    ]);

    // A service's decision checks the registry in its own batch read, and its write is conditioned
    // on it: refused at the read, and refused by the store itself (an archiving after the read).
    const studentId = history.body.items.find((s: { lastName: string }) => s.lastName === 'Vorigjaar')
      .id as string;
    const serviceToken = await tokenAt(first.appUrl, service);
    const decided = await call(first.appUrl, 'PUT', `/requests/${studentId}/decision`, {
      token: serviceToken,
      body: { status: 'accepted', contactId, periods: [0] },
    });
    expect(decided.status).toBe(409);
    expect(decided.body.message).toBe(ARCHIVED);
    const now = new Date().toISOString();
    const decision = {
      studentId,
      serviceId: service.organisation.id,
      status: 'accepted' as const,
      decidedAt: now,
      decidedBy: service.person.id,
    };
    const placement = {
      serviceId: service.organisation.id,
      serviceName: service.organisation.name,
      contact: { name: 'Mentor Marleen', phone: '09 123 45 67', email: 'marleen@dienst.example' },
      periods: [0],
      notes: '',
      acceptedAt: now,
      acceptedBy: service.person.id,
    };
    const stored = (await getStudent(studentId))!;
    await expect(acceptStudent(decision, placement, contactId, countedOf(stored))).rejects.toMatchObject({
      status: 409,
      message: ARCHIVED,
    });
    await expect(
      recordDecision({ ...decision, status: 'invited' }, { status: 'undecided', exists: false }, true),
    ).rejects.toMatchObject({ status: 409, message: ARCHIVED });
    expect((await getStudent(studentId))?.placement).toBeUndefined();
    const me = await call(first.appUrl, 'GET', '/me', { token: schoolToken });
    expect(me.body.schoolYear).toMatchObject({ id: FIRST, status: 'archived' });
    const exported = await call(first.appUrl, 'POST', '/exports', {
      token: schoolToken,
      body: { list: 'school-students', format: 'xlsx', filters: {} },
    });
    expect(exported.status).toBe(202);
    await expect
      .poll(
        async () =>
          (await call(first.appUrl, 'GET', `/exports/${exported.body.id}`, { token: schoolToken })).body
            .status,
        { timeout: 15_000 },
      )
      .toBe('ready');
  });

  it('erases 2026-2027’s personal data on its retention date, keeps the counts, and does it once', async () => {
    // `first` runs in this process: its environment is 2026-2027's, as the year's own job has it.
    expect(await runRetention(new Date('2028-08-30T12:00:00Z'))).toMatchObject({
      outcome: 'not-due',
      retentionUntil: '2028-08-31',
      students: 2,
    });
    const files = exportFiles();
    expect(files).toHaveLength(2);
    expect(files.some((f) => f.text.includes(formatNationalNumber(nationalNumber)))).toBe(true);
    const before = JSON.stringify(await scanTable(first.tableName));
    // Everything personal the year holds, wherever it went: the students' own fields, the
    // placement's mentor (also in the news mail to the school), free texts and their reasons.
    const personal = [
      student.email,
      student.phone,
      placedStudent.email as string,
      placedStudent.phone as string,
      'janssens@school.example',
      '050 12 34 56',
      'piet@dienst.example',
      'marleen@dienst.example',
      '09 123 45 67',
      'Kleurenblind',
      PLACEMENT_NOTES,
      RELEASE_ASKED,
      RELEASE_DECLINED,
      'NATIONAL#',
    ];
    for (const value of personal) expect(before, value).toContain(value);

    const erased = await runRetention(new Date('2028-08-31T00:30:00Z'));
    expect(erased).toMatchObject({ outcome: 'erased', erasure: { students: 2, files: 2 } });

    const items = await scanTable(first.tableName);
    const text = JSON.stringify(items);
    for (const secret of [
      ...personal,
      nationalNumber,
      formatNationalNumber(nationalNumber),
      placedStudent.nationalNumber as string,
      formatNationalNumber(placedStudent.nationalNumber as string),
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(items.filter((i) => String(i.pk).startsWith('NATIONAL#'))).toEqual([]);
    expect(items.filter((i) => String(i.pk).startsWith('SECRET#blind-index'))).toEqual([]);
    const students = items.filter((i) => String(i.pk).startsWith('STUDENT#') && i.sk === 'STUDENT');
    expect(students).toHaveLength(2);
    expect(students.find((s) => s.lastName === 'Vorigjaar')).toMatchObject({
      lastName: 'Vorigjaar',
      nationalNumberEncrypted: '',
      email: '',
      phone: '',
    });
    for (const s of students) expect(s).not.toHaveProperty('nationalNumberHash');
    expect(exportFiles()).toEqual([]);

    const counts = await keptCounts();
    expect(counts?.students).toBe(2);
    expect(counts?.rows).toEqual(
      expect.arrayContaining([
        {
          track: 'secondary',
          programme: 'seventh_year',
          province: 'west-vlaanderen',
          service: null,
          status: 'open',
          students: 1,
        },
        {
          track: 'secondary',
          programme: 'seventh_year',
          province: 'west-vlaanderen',
          service: { id: service.organisation.id, name: service.organisation.name },
          status: 'accepted',
          students: 1,
        },
      ]),
    );
    expect(counts?.rows).toHaveLength(2);
    // The next year keeps its own copy of the supervisor, contact data and all.
    const nextYear = JSON.stringify(await scanTable(`stagematching-${NEXT}`));
    expect(nextYear).toContain('janssens@school.example');
    expect(nextYear).toContain('piet@dienst.example');

    const adminToken = await tokenAt(next.appUrl, admin);
    const list = await call(next.appUrl, 'GET', '/school-years', { token: adminToken });
    expect(list.body[0]).toMatchObject({
      schoolYear: FIRST,
      status: 'archived',
      erasure: { students: 2, files: 2, by: 'bewaartermijn' },
    });

    const again = await runRetention(new Date('2028-09-01T00:30:00Z'));
    expect(again.outcome).toBe('erased-before');
    expect(await scanTable(first.tableName)).toEqual(items);
  });

  it('still shows the erased year: the school its students, the sector its export, without personal data', async () => {
    const schoolToken = await tokenAt(first.appUrl, school);
    const list = await call(first.appUrl, 'GET', '/students', { token: schoolToken });
    expect(list.status).toBe(200);
    const placed = list.body.items.find((s: { lastName: string }) => s.lastName === 'Geplaatst');
    const detail = await call(first.appUrl, 'GET', `/students/${placed.id}`, { token: schoolToken });
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body).toMatchObject({ firstName: 'Sam', lastName: 'Geplaatst', email: '', phone: '' });
    expect(JSON.stringify(detail.body)).not.toContain(placedStudent.nationalNumber as string);

    const adminToken = await tokenAt(first.appUrl, admin);
    const started = await call(first.appUrl, 'POST', '/exports', {
      token: adminToken,
      body: { list: 'admin-students', format: 'csv', filters: {} },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await expect
      .poll(
        async () =>
          (await call(first.appUrl, 'GET', `/exports/${started.body.id}`, { token: adminToken })).body.status,
        { timeout: 15_000 },
      )
      .toBe('ready');
    const files = exportFiles();
    expect(files).toHaveLength(1);
    expect(files[0]?.text).toContain('Geplaatst');
    expect(files[0]?.text).not.toContain(placedStudent.email as string);
  });
});
