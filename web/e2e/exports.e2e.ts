import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Supervisor } from '#contract/people';
import { chromiumForThisFile, heading, signedIn, watchForErrors } from './browser';
import {
  adminToken,
  call,
  personOf,
  put,
  schoolOrganisation,
  serviceOrganisation,
  studentBody,
} from './people';

const browser = chromiumForThisFile();

async function signIn(email: string, password: string) {
  let errors: string[] = [];
  const page = await signedIn(browser(), email, password, {}, (p) => {
    errors = watchForErrors(p);
  });
  return { page, errors };
}

/** A valid Belgian national register number for someone born in 1985 (check digits: mod 97). */
const nationalNumber = (monthDay: string, serial: number) => {
  const base = `85${monthDay}${String(serial).padStart(3, '0')}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
};

/** The names in the list's first column, as the page shows them ("Familienaam Voornaam"). */
const namesOnPage = async (page: Page) =>
  (await page.locator('tbody tr td:first-child strong, tbody tr td:first-child a').allTextContents())
    .map((name) => name.trim())
    .sort();

/** Chooses a format in the "Exporteer" menu and waits for the file the browser saves. */
async function exportAs(page: Page, format: 'CSV (Excel)' | 'XLSX'): Promise<Download> {
  await page.getByRole('button', { name: 'Exporteer' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: format }).click(),
  ]);
  return download;
}

const suffix = Date.now().toString(36);
let school: Awaited<ReturnType<typeof personOf>>;
let schoolName: string;
const entered: { firstName: string; lastName: string; province: string }[] = [
  { firstName: 'Amber', lastName: `Export${suffix}a`, province: 'west-vlaanderen' },
  { firstName: 'Bram', lastName: `Export${suffix}b`, province: 'west-vlaanderen' },
  { firstName: 'Chloé', lastName: `Export${suffix}c`, province: 'oost-vlaanderen' },
];

beforeAll(async () => {
  school = await personOf(schoolOrganisation(), 'Els Export');
  schoolName = school.organisation.name;
  const supervisor = await call<Supervisor>(
    '/supervisors',
    { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
    school.accessToken,
  );
  const serial = Math.floor(Math.random() * 900) + 10;
  for (const [i, s] of entered.entries()) {
    const west = s.province === 'west-vlaanderen';
    await call(
      '/students',
      studentBody(supervisor.id, {
        firstName: s.firstName,
        lastName: s.lastName,
        nationalNumber: nationalNumber('0730', serial + i * 2),
        email: `leerling${i}@leerling.example`,
        ...(west ? {} : { address: { street: 'Korenmarkt 1', postcode: '9000', city: 'Gent' } }),
        province: s.province,
      }),
      school.accessToken,
    );
  }
  await put('/tracks/secondary/phase', { phase: 'all' }, await adminToken());
});

describe('exporting a list', () => {
  it('a service exports its filtered list as CSV: the file holds exactly the rows the page shows', async () => {
    const service = await personOf(serviceOrganisation('Familiehulp Export'), 'Ria Export');
    const { page, errors } = await signIn(service.email, service.password);
    await page.goto(`${inject('appUrl')}/stagevragen`);
    await expect.poll(() => heading(page)).toBe('Stagevragen');

    // Only our school, only West-Vlaanderen: two of our three students. The filters are folded
    // into a panel until one is set.
    await page.getByText('Filters en sortering').click();
    await page.getByLabel('School', { exact: true }).fill(schoolName);
    await page.getByLabel('West-Vlaanderen', { exact: true }).check();
    const expected = entered
      .filter((s) => s.province === 'west-vlaanderen')
      .map((s) => `${s.lastName} ${s.firstName}`)
      .sort();
    await expect.poll(() => namesOnPage(page)).toEqual(expected);

    const download = await exportAs(page, 'CSV (Excel)');
    expect(download.suggestedFilename()).toMatch(/^stagevragen-secundair-open-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    const header = lines[0]!.split(';');
    expect(header.slice(0, 3)).toEqual(['Familienaam', 'Voornaam', 'School']);
    const rows = lines.slice(1).map((line) => line.split(';'));
    expect(rows.map((r) => `${r[0]} ${r[1]}`).sort()).toEqual(await namesOnPage(page));
    expect(rows.every((r) => r[2] === schoolName)).toBe(true);

    await expect.poll(() => page.getByText('Klaar: 2 rijen geëxporteerd.').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('a school exports its students as XLSX', async () => {
    const { page, errors } = await signIn(school.email, school.password);
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).click();
    await expect.poll(() => namesOnPage(page)).toHaveLength(3);

    const download = await exportAs(page, 'XLSX');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as the older Buffer; a current Buffer is what it reads.
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const last = header.indexOf('Familienaam') + 1;
    const first = header.indexOf('Voornaam') + 1;
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(`${row.getCell(last).text} ${row.getCell(first).text}`);
    });
    expect(names.sort()).toEqual(await namesOnPage(page));
    expect(errors).toEqual([]);
  });
});
