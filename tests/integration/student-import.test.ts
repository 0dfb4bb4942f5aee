import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { STUDENT_IMPORT_COLUMNS } from '#contract/student-imports';
import { call } from './helpers/api';
import { supervisorOf } from './helpers/requests';
import { nationalNumber } from './helpers/students';
import { createTestUser, type TestUser } from './helpers/users';

type Row = Partial<Record<(typeof STUDENT_IMPORT_COLUMNS)[number], string>>;

const row = (n: number, overrides: Row = {}): Row => ({
  Programma: '7de leerjaar',
  Voornaam: `Leerling${n}`,
  Achternaam: 'Import',
  Rijksregisternummer: nationalNumber(),
  'E-mail': `leerling${n}@leerling.example`,
  Telefoon: '0470 12 34 56',
  'Straat en nummer': 'Stationsstraat 12',
  Postcode: '8000',
  Gemeente: 'Brugge',
  Vervoer: 'Fiets, Openbaar vervoer',
  Stagebegeleider: 'Begeleider Bart',
  Stagevorm: 'Blok',
  'Uren per week': '19',
  'Totaal aantal uren': '80',
  'Periode 1 start': '05/10/2026',
  'Periode 1 einde': '30/10/2026',
  ...overrides,
});

/** A sheet as Belgian Excel saves a CSV: BOM, `;`, the template's titles on the first line. */
const csv = (rows: Row[]) =>
  Buffer.from(
    `\uFEFF${[
      STUDENT_IMPORT_COLUMNS.join(';'),
      ...rows.map((r) => STUDENT_IMPORT_COLUMNS.map((c) => r[c] ?? '').join(';')),
    ].join('\r\n')}\r\n`,
  ).toString('base64');

describe('a school imports its students from a spreadsheet', () => {
  let school: TestUser;
  const send = (body: Record<string, unknown>) =>
    call('POST', '/students/imports', { token: school.accessToken, body });
  const countStudents = async () =>
    (await call('GET', '/students?limit=100', { token: school.accessToken })).body.items.length;

  beforeAll(async () => {
    school = await createTestUser({ role: 'school' });
    await supervisorOf(school);
  });

  it('checks a file first: every problem in Dutch on its row and column, nothing created', async () => {
    const twin = nationalNumber();
    const rows = [
      row(1),
      row(2, { Rijksregisternummer: '85.07.30-033.29' }), // check digits wrong
      row(3, { Stagebegeleider: 'Meneer Onbekend' }),
      row(4, { 'Periode 1 start': '30/10/2026', 'Periode 1 einde': '05/10/2026' }),
      row(5, { Rijksregisternummer: twin }),
      row(6, { Rijksregisternummer: twin }), // twice in the file
      row(7, { Vervoer: 'Raket' }),
    ];
    const res = await send({ filename: 'klas.csv', file: csv(rows) });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(2); // rows 1 and 5
    const at = (r: number) => res.body.errors.filter((e: { row: number }) => e.row === r);
    expect(at(3)).toEqual([
      { row: 3, field: 'Rijksregisternummer', message: expect.stringContaining('klopt niet') },
    ]);
    expect(at(4)).toEqual([
      { row: 4, field: 'Stagebegeleider', message: expect.stringContaining('Meneer Onbekend') },
    ]);
    expect(at(5)).toEqual([
      { row: 5, field: 'Periode 1 einde', message: 'De einddatum ligt vóór de startdatum.' },
    ]);
    expect(at(7)).toEqual([
      { row: 7, field: 'Rijksregisternummer', message: 'Dit rijksregisternummer staat al op rij 6.' },
    ]);
    expect(at(8)).toEqual([{ row: 8, field: 'Vervoer', message: 'Onbekend vervoersmiddel "Raket".' }]);
    expect(await countStudents()).toBe(0);
  });

  it('refuses a sheet without the required titles, naming each missing column', async () => {
    const file = Buffer.from('Naam;Voornaam\r\nPeeters;Anke\r\n').toString('base64');
    const res = await send({ filename: 'fout.csv', file });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(0);
    expect(res.body.errors).toContainEqual({
      row: 1,
      field: 'Rijksregisternummer',
      message: 'De kolom "Rijksregisternummer" ontbreekt in de eerste rij.',
    });
  });

  it('creates forty students once: the same file again creates nothing, and the list shows them', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(100 + i));
    const file = csv(rows);
    const first = await send({ filename: 'klas.csv', file, commit: true });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 40, skipped: 0, errors: [] });
    expect(await countStudents()).toBe(40);

    const again = await send({ filename: 'klas.csv', file, commit: true });
    expect(again.body).toMatchObject({ created: 0, skipped: 40, valid: 0 });
    expect(again.body.errors[0].message).toContain('staat al in je lijst');
    expect(await countStudents()).toBe(40);

    const one = (await call('GET', '/students?limit=100', { token: school.accessToken })).body.items.find(
      (s: { firstName: string }) => s.firstName === 'Leerling100',
    );
    const detail = await call('GET', `/students/${one.id}`, { token: school.accessToken });
    expect(detail.body).toMatchObject({
      programme: 'seventh_year',
      province: 'west-vlaanderen',
      transport: expect.arrayContaining(['bike', 'public_transport']),
      internship: {
        form: 'block',
        hoursPerWeek: 19,
        totalHours: 80,
        periods: [{ start: '2026-10-05', end: '2026-10-30' }],
      },
    });
  });

  it("hands out a template in XLSX with the titles and an example in the school's own words", async () => {
    const template = (format: string) =>
      fetch(`${inject('stack').appUrl}/api/students/imports/template?format=${format}`, {
        headers: { authorization: `Bearer ${school.accessToken}` },
      });
    const res = await template('xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('leerlingen-importeren.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([...STUDENT_IMPORT_COLUMNS]);
    const example = sheet.getRow(2).values as string[];
    expect(example[STUDENT_IMPORT_COLUMNS.indexOf('Stagebegeleider') + 1]).toBe('Begeleider Bart');

    const csvBytes = Buffer.from(await (await template('csv')).arrayBuffer());
    // Belgian Excel reads UTF-8 only with the byte-order mark, and splits on `;`.
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csvBytes.subarray(3).toString('utf8');
    expect(csvText.startsWith(`${STUDENT_IMPORT_COLUMNS.join(';')}\r\n`)).toBe(true);
    expect(csvText).toContain(';Begeleider Bart;');
  });

  it('is for schools only', async () => {
    const service = await createTestUser({ role: 'service' });
    const res = await call('POST', '/students/imports', {
      token: service.accessToken,
      body: { filename: 'x.csv', file: csv([row(1)]) },
    });
    expect(res.status).toBe(403);
  });
});
