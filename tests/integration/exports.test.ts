import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#platform/aws-clients/dynamodb';
import { settings } from '#platform/config';
import { presignDownload } from '#platform/files';
import { call } from './helpers/api';
import { csvRows, exportAndDownload } from './helpers/exports';
import { validStudent } from './helpers/students';
import { createTestOrganisation, createTestUser, type TestUser } from './helpers/users';

/**
 * Exports run against the same local stack as everything else; this file works on the adult
 * track, which no other test file opens or closes, so the phase stays what it sets here.
 */
let admin: TestUser;
let school: TestUser;
let winner: TestUser & { contactId: string };
let other: TestUser & { contactId: string };
let schoolName: string;
let supervisorId: string;
type Entered = {
  id: string;
  nationalNumber: string;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
};
let accepted: Entered;
let open: Entered[];
let evil: Entered;

const as = (u: TestUser) => ({ token: u.accessToken });

async function serviceUser(): Promise<TestUser & { contactId: string }> {
  const org = await createTestOrganisation('service');
  const user = await createTestUser({ organisation: org });
  const contact = await call('POST', '/contacts', {
    ...as(user),
    body: { name: 'Mentor Mia', phone: '0471 99 88 77', email: 'mia@dienst.example' },
  });
  return { ...user, contactId: contact.body.id };
}

async function enter(overrides: Record<string, unknown>): Promise<Entered> {
  const body = validStudent(supervisorId, { track: 'adult', ...overrides });
  const res = await call('POST', '/students', { ...as(school), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res.body, firstName: body.firstName, lastName: body.lastName } as Entered;
}

beforeAll(async () => {
  [admin, school, winner, other] = await Promise.all([
    createTestUser({ role: 'admin' }),
    createTestUser({ role: 'school' }),
    serviceUser(),
    serviceUser(),
  ]);
  schoolName = school.organisation.name;
  await call('PATCH', `/organisations/${school.organisation.id}`, {
    ...as(admin),
    body: { tracks: ['secondary', 'adult'] },
  });
  const sup = await call('POST', '/supervisors', {
    ...as(school),
    body: { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
  });
  supervisorId = sup.body.id;
  expect((await call('PUT', '/tracks/adult/phase', { ...as(admin), body: { phase: 'all' } })).status).toBe(
    200,
  );

  accepted = await enter({
    firstName: 'Aline',
    lastName: 'Aerts',
    phone: '0470 11 22 33',
    email: 'aline@leerling.example',
    preferredServiceId: winner.organisation.id,
    internship: { ...validStudent(supervisorId).internship, remarks: 'Enkel voormiddagen.' },
  });
  open = [
    await enter({
      firstName: 'Bram',
      lastName: 'Bosmans',
      phone: '0470 44 55 66',
      email: 'bram@leerling.example',
    }),
    await enter({
      firstName: 'Celine',
      lastName: 'Claes',
      phone: '0470 77 88 99',
      email: 'celine@leerling.example',
      // Hours with a half: the files must show them as typed, and whole hours without a comma.
      internship: { ...validStudent(supervisorId).internship, hoursPerWeek: 18.5, totalHours: 600.5 },
    }),
  ];
  evil = await enter({
    firstName: 'Dirk',
    lastName: 'Dewulf',
    remarks: '=HYPERLINK("http://kwaad.example";"klik")',
    phone: '0470 00 11 22',
    email: 'dirk@leerling.example',
  });
  const decided = await call('PUT', `/requests/${accepted.id}/decision`, {
    ...as(winner),
    body: {
      status: 'accepted',
      contactId: winner.contactId,
      periods: [1],
      notes: '+ meebrengen: werkschoenen',
    },
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  await call('PUT', `/requests/${open[0]!.id}/decision`, { ...as(winner), body: { status: 'not_accepted' } });
  await call('PUT', `/requests/${open[0]!.id}/decision`, { ...as(other), body: { status: 'not_accepted' } });
});

const digits = (s: string) => s.replace(/\D/g, '');

describe('the school exports its students', () => {
  it('CSV: Dutch headers, its own students with personal data, placement, mentor and notes; formulas inert', async () => {
    const file = await exportAndDownload(school, {
      list: 'school-students',
      format: 'csv',
      filters: { track: 'adult', sort: 'name' },
    });
    expect(file.headers.get('content-disposition')).toContain(file.view.fileName);
    expect(file.view.fileName).toMatch(/^leerlingen-volwassenen-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = file.bytes.toString('utf8');
    expect(text.split('\r\n').length).toBe(6); // header, 4 students, trailing CRLF
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const [header, ...rows] = csvRows(file);
    expect(header).toEqual([
      'Familienaam',
      'Voornaam',
      'Rijksregisternummer',
      'E-mail',
      'Telefoon',
      'Opleidingsvorm',
      'Programma',
      'Straat',
      'Postcode',
      'Gemeente',
      'Stageprovincie',
      'Vervoer',
      'Stagebegeleider',
      'Stagevorm',
      'Uren per week',
      'Totaal uren',
      'Gevraagde periodes',
      'Weekdagen',
      'Voorkeursdienst',
      'Status',
      'Stageplek',
      'Aanvaarde periodes',
      'Start stage',
      'Einde stage',
      'Mentor',
      'Telefoon mentor',
      'E-mail mentor',
      'Notities dienst',
      'Opmerkingen school',
      'Opmerkingen stage',
      'Ingevoerd op',
      'Gestopt op',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['Aerts', 'Bosmans', 'Claes', 'Dewulf']);
    const aline = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(aline).toMatchObject({
      Rijksregisternummer: accepted.nationalNumber,
      'E-mail': 'aline@leerling.example',
      Telefoon: '0470 11 22 33',
      Status: 'Aanvaard',
      Stageplek: winner.organisation.name,
      'Aanvaarde periodes': '01/02/2027 – 26/02/2027',
      'Start stage': '01/02/2027',
      'Einde stage': '26/02/2027',
      Mentor: 'Mentor Mia',
      'Telefoon mentor': '0471 99 88 77',
      'Notities dienst': "'+ meebrengen: werkschoenen",
      'Totaal uren': '80',
      // What the secretary typed, as the student's page shows it.
      Opleidingsvorm: 'Volwassenenonderwijs (CVO)',
      Programma: '',
      Vervoer: 'Fiets, Openbaar vervoer',
      Stagevorm: 'Blok',
      'Uren per week': '19',
      'Gevraagde periodes': '05/10/2026 – 30/10/2026, 01/02/2027 – 26/02/2027',
      Voorkeursdienst: winner.organisation.name,
      'Opmerkingen school': 'Kleurenblind.',
      'Opmerkingen stage': 'Enkel voormiddagen.',
      'Ingevoerd op': expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
    });
    const claes = Object.fromEntries(header!.map((h, i) => [h, rows[2]![i]]));
    expect(claes).toMatchObject({ 'Uren per week': '18,5', 'Totaal uren': '600,5', Voorkeursdienst: '' });
    expect(aline.Rijksregisternummer).toMatch(/^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/);
    const dirk = rows.find((r) => r[0] === 'Dewulf')!;
    expect(dirk[header!.indexOf('Opmerkingen school')]).toBe(`'=HYPERLINK("http://kwaad.example";"klik")`);
    // No cell anywhere starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("names a secondary student's programme, and the entry date as the screens do", async () => {
    const body = validStudent(supervisorId, {
      track: 'secondary',
      programme: 'third_grade',
      firstName: 'Emma',
      lastName: 'Engels',
    });
    expect((await call('POST', '/students', { ...as(school), body })).status).toBe(201);
    const file = await exportAndDownload(school, {
      list: 'school-students',
      format: 'xlsx',
      filters: { track: 'secondary' },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    expect(sheet.rowCount).toBe(2);
    const emma = sheet.getRow(2);
    expect(emma.getCell(header.indexOf('Programma')).value).toBe(
      '3de graad dubbele finaliteit gezondheidszorg',
    );
    expect(emma.getCell(header.indexOf('Uren per week')).value).toBe(19);
    expect(emma.getCell(header.indexOf('Ingevoerd op')).value).toBeInstanceOf(Date);
    expect(header).not.toContain('Ingeschreven op');
  });

  it('is recorded in the audit (who, which list, rows, when), without the data', async () => {
    const file = await exportAndDownload(school, {
      list: 'school-students',
      format: 'csv',
      filters: { track: 'adult' },
    });
    const month = new Date().toISOString().slice(0, 7);
    const { Items = [] } = await dynamoClient().send(
      new QueryCommand({
        TableName: settings.tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#${month}` },
      }),
    );
    const record = Items.find((i) => i.id === file.id);
    expect(record).toMatchObject({
      action: 'export',
      actor: { id: school.person.id },
      subject: { kind: 'list', id: 'school-students' },
      details: { list: 'school-students', rows: 4 },
    });
    expect(JSON.stringify(record)).not.toContain('leerling.example');
  });

  it('reads in the audit log as people say it: the list in words, who as person and organisation', async () => {
    const file = await exportAndDownload(school, { list: 'school-students', format: 'xlsx', filters: {} });
    const log = await call('GET', '/admin/audit?action=export&limit=200', as(admin));
    expect(log.status).toBe(200);
    const entry = log.body.items.find((e: { id: string }) => e.id === file.id);
    expect(entry.subject.label).toBe('Export leerlingen van de school (Excel)');
    expect(entry.actor).toMatchObject({ name: school.person.name, organisationName: schoolName });
  });
});

describe('a service exports its list', () => {
  it('open tab with a filter: exactly the rows the list shows, and no personal data at all', async () => {
    const filters = { track: 'adult', tab: 'open', school: schoolName, sort: 'name' };
    const list = await call(
      'GET',
      `/requests?track=adult&tab=open&school=${encodeURIComponent(schoolName)}&sort=name`,
      as(other),
    );
    const file = await exportAndDownload(other, { list: 'service-requests', format: 'csv', filters });
    expect(file.view.fileName).toMatch(/^stagevragen-volwassenen-open-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = csvRows(file);
    expect(rows.map((r) => `${r[1]} ${r[0]}`)).toEqual(
      (list.body.items as { firstName: string; lastName: string }[]).map(
        (i) => `${i.firstName} ${i.lastName}`,
      ),
    );
    expect(rows.map((r) => r[0])).toEqual(['Bosmans', 'Claes', 'Dewulf']);
    expect(header).not.toContain('Rijksregisternummer');
    expect(header).toContain('Ingevoerd op');
    expect(rows[0]![header!.indexOf('Status')]).toBe('Niet aanvaard');
    const raw = file.bytes.toString('utf8');
    for (const s of [...open, evil, accepted]) {
      expect(raw).not.toContain(s.nationalNumber);
      expect(raw).not.toContain(digits(s.nationalNumber));
      expect(raw).not.toContain(s.email);
      expect(raw).not.toContain(s.phone);
      expect(digits(raw)).not.toContain(digits(s.phone));
    }
    expect(raw).not.toContain('bart@school.example');
    // Postcode and town to judge the distance; the street only after acceptance.
    expect(header).not.toContain('Straat');
    expect(raw).not.toContain('Stationsstraat');
    expect(rows[0]![header!.indexOf('Postcode')]).toBe('8000');
  });

  it('accepted tab: the personal data of its own accepted students only', async () => {
    const file = await exportAndDownload(winner, {
      list: 'service-requests',
      format: 'csv',
      filters: { track: 'adult', tab: 'accepted' },
    });
    const [header, ...rows] = csvRows(file);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({
      Familienaam: 'Aerts',
      Rijksregisternummer: accepted.nationalNumber,
      'E-mail': 'aline@leerling.example',
      Telefoon: '0470 11 22 33',
      'E-mail stagebegeleider': 'bart@school.example',
      'Aanvaarde periodes': '01/02/2027 – 26/02/2027',
      Straat: 'Stationsstraat 12',
      Postcode: '8000',
    });
    const otherTab = await exportAndDownload(other, {
      list: 'service-requests',
      format: 'csv',
      filters: { track: 'adult', tab: 'accepted' },
    });
    expect(csvRows(otherTab)).toHaveLength(1); // the header only
    // The other service did decide on a student (Bosmans): its open tab holds no street either.
    const otherOpen = await exportAndDownload(other, {
      list: 'service-requests',
      format: 'xlsx',
      filters: { track: 'adult', tab: 'open', school: schoolName },
    });
    expect(otherOpen.view.rows).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(otherOpen.bytes as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String);
    expect(cells).not.toContain('Straat');
    expect(cells.filter((c) => c.includes('Stationsstraat'))).toEqual([]);
    expect(otherTab.bytes.toString('utf8')).not.toContain(digits(accepted.nationalNumber).slice(0, 6));
  });
});

describe('the admin exports', () => {
  it('all students with, per student, how often services chose each status', async () => {
    const file = await exportAndDownload(admin, {
      list: 'admin-students',
      format: 'csv',
      filters: { track: 'adult', q: '' },
    });
    const [header, ...rows] = csvRows(file);
    // One column per status of both workflows (the counters kept with each decision).
    expect(header!.slice(-6)).toEqual([
      'Aantal keer nog niet beslist',
      'Aantal keer uitgenodigd',
      'Aantal keer niet uitgenodigd',
      'Aantal keer aanvaard',
      'Aantal keer niet aanvaard',
      'Aantal keer niet opgedaagd/gestopt',
    ]);
    expect(header).toContain('Ingevoerd op');
    const ours = rows.filter((r) => r[0] === schoolName);
    expect(ours.map((r) => r[1])).toEqual(['Aerts', 'Bosmans', 'Claes', 'Dewulf']);
    const counts = (name: string) => ours.find((r) => r[1] === name)!.slice(-6);
    expect(counts('Bosmans')).toEqual(['0', '0', '0', '0', '2', '0']);
    expect(counts('Aerts')).toEqual(['0', '0', '0', '1', '0', '0']);
    expect(ours.find((r) => r[1] === 'Aerts')![header!.indexOf('Stageplek')]).toBe(winner.organisation.name);
  });

  it('organisations with their people, and the decision history', async () => {
    const orgs = await exportAndDownload(admin, {
      list: 'admin-organisations',
      format: 'csv',
      filters: { q: schoolName },
    });
    const [orgHeader, ...orgRows] = csvRows(orgs);
    expect(orgRows).toHaveLength(1);
    const row = Object.fromEntries(orgHeader!.map((h, i) => [h, orgRows[0]![i]]));
    expect(row).toMatchObject({
      Soort: 'School',
      Organisatie: schoolName,
      'E-mail persoon': school.email,
      Login: 'Actief',
    });

    // The page's province filter counts too: the file holds what the page shows.
    const byProvince = async (province: string) => {
      const file = await exportAndDownload(admin, {
        list: 'admin-organisations',
        format: 'csv',
        filters: { type: 'service', province, q: winner.organisation.name },
      });
      const [header, ...rows] = csvRows(file);
      return rows.map((r) => r[header!.indexOf('Organisatie')]);
    };
    expect(await byProvince('oost-vlaanderen')).toEqual([winner.organisation.name]);
    expect(await byProvince('limburg')).toEqual([]);

    const history = await exportAndDownload(admin, {
      list: 'admin-history',
      format: 'csv',
      filters: { track: 'adult' },
    });
    const [historyHeader, ...historyRows] = csvRows(history);
    expect(historyHeader).toEqual([
      'Tijdstip',
      'Dienst',
      'Beslist door',
      'Beslissing',
      'Familienaam',
      'Voornaam',
      'School',
      'Opleidingsvorm',
    ]);
    const ours = historyRows.filter((r) => r[6] === schoolName);
    expect(ours.map((r) => `${r[1]}|${r[3]}|${r[4]}`).sort()).toEqual(
      [
        `${winner.organisation.name}|Aanvaard|Aerts`,
        `${winner.organisation.name}|Niet aanvaard|Bosmans`,
        `${other.organisation.name}|Niet aanvaard|Bosmans`,
      ].sort(),
    );
    expect(ours[0]![0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });
});

describe('XLSX', () => {
  it('has typed cells, a bold frozen header with a filter, and inert formulas', async () => {
    const file = await exportAndDownload(school, {
      list: 'school-students',
      format: 'xlsx',
      filters: { track: 'adult', sort: 'name' },
    });
    expect(file.view.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(5);
    const aline = sheet.getRow(2);
    expect(aline.getCell(col('Familienaam')).value).toBe('Aerts');
    expect(aline.getCell(col('Start stage')).value).toEqual(new Date(Date.UTC(2027, 1, 1)));
    expect(aline.getCell(col('Start stage')).numFmt).toBe('dd/mm/yyyy');
    expect(aline.getCell(col('Totaal uren')).value).toBe(80);
    expect(aline.getCell(col('Telefoon')).value).toBe('0470 11 22 33');
    expect(aline.getCell(col('Rijksregisternummer')).value).toBe(accepted.nationalNumber);
    expect(aline.getCell(col('Postcode')).value).toBe('8000');
    const dirk = sheet.getRow(5);
    expect(dirk.getCell(col('Opmerkingen school')).value).toBe(`'=HYPERLINK("http://kwaad.example";"klik")`);
    expect(dirk.getCell(col('Opmerkingen school')).formula).toBeUndefined();
    expect(sheet.getColumn(col('Familienaam')).width).toBeGreaterThan(10);
  });

  it('shows whole numbers without a decimal comma and hours with their decimals', async () => {
    // Excel's `0.##` shows 80 as "80," in Belgium: a whole number gets `0`, a fraction `0.0#`.
    const expectFormats = (sheet: ExcelJS.Worksheet, headers: string[]) => {
      const header = sheet.getRow(1).values as unknown[];
      let seen = 0;
      for (const name of headers) {
        expect(header).toContain(name);
        for (let r = 2; r <= sheet.rowCount; r++) {
          const cell = sheet.getRow(r).getCell(header.indexOf(name));
          if (typeof cell.value !== 'number') continue;
          expect(cell.numFmt, `${name} = ${cell.value}`).toBe(Number.isInteger(cell.value) ? '0' : '0.0#');
          seen++;
        }
      }
      return seen;
    };
    const load = async (bytes: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      return workbook.worksheets[0]!;
    };

    const students = await load(
      (
        await exportAndDownload(school, {
          list: 'school-students',
          format: 'xlsx',
          filters: { track: 'adult', sort: 'name' },
        })
      ).bytes,
    );
    const header = students.getRow(1).values as unknown[];
    const claes = students.getRow(4);
    expect(claes.getCell(header.indexOf('Familienaam')).value).toBe('Claes');
    expect(claes.getCell(header.indexOf('Totaal uren')).value).toBe(600.5);
    expect(expectFormats(students, ['Totaal uren'])).toBe(4);

    const all = await load(
      (
        await exportAndDownload(admin, {
          list: 'admin-students',
          format: 'xlsx',
          filters: { track: 'adult', q: 'Claes' },
        })
      ).bytes,
    );
    const counts = (all.getRow(1).values as unknown[]).filter(
      (h): h is string => typeof h === 'string' && h.startsWith('Aantal keer'),
    );
    expect(counts).toHaveLength(6);
    expect(expectFormats(all, [...counts, 'Totaal uren'])).toBeGreaterThanOrEqual(7);
  });
});

describe('who may have the file', () => {
  it("another person's export id is 404, even in the same organisation", async () => {
    const file = await exportAndDownload(winner, {
      list: 'service-requests',
      format: 'csv',
      filters: { track: 'adult', tab: 'accepted' },
    });
    const colleague = await createTestUser({ organisation: winner.organisation });
    expect((await call('GET', `/exports/${file.id}`, as(colleague))).status).toBe(404);
    expect((await call('GET', `/exports/${file.id}`, as(other))).status).toBe(404);
    expect((await call('GET', '/exports/bestaat-niet', as(winner))).status).toBe(404);
  });

  it('checks who may export what, and the input', async () => {
    expect(
      (await call('POST', '/exports', { ...as(school), body: { list: 'admin-students', format: 'csv' } }))
        .status,
    ).toBe(403);
    expect(
      (await call('POST', '/exports', { ...as(other), body: { list: 'school-students', format: 'csv' } }))
        .status,
    ).toBe(403);
    const bad = await call('POST', '/exports', {
      ...as(other),
      body: { list: 'service-requests', format: 'pdf', filters: {} },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['filters.track', 'format']);
  });

  it('an expired or tampered link is refused by S3', async () => {
    const file = await exportAndDownload(school, {
      list: 'school-students',
      format: 'csv',
      filters: { track: 'adult' },
    });
    const url = new URL(file.view.url);
    const signature = url.searchParams.get('X-Amz-Signature')!;
    url.searchParams.set(
      'X-Amz-Signature',
      `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`,
    );
    expect((await fetch(url)).status).toBe(403);
    const other = new URL(file.view.url);
    other.pathname = other.pathname.replace(/leerlingen-/, 'leerlingen-x');
    expect((await fetch(other)).status).toBe(403);

    const key = decodeURIComponent(new URL(file.view.url).pathname.split('/').slice(2).join('/'));
    const short = await presignDownload({
      key,
      contentDisposition: 'attachment',
      contentType: 'text/csv',
      expiresInSeconds: 1,
    });
    expect((await fetch(short.url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await fetch(short.url)).status).toBe(403);
  });
});
