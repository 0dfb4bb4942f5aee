import { describe, expect, it } from 'vitest';
import { STUDENT_IMPORT_COLUMNS } from '#contract/student-imports';
import { chromiumForThisFile, heading, openFromMenu, signedIn, watchForErrors } from './browser';
import { call, personOf, schoolOrganisation } from './people';

const browser = chromiumForThisFile();

type Row = Partial<Record<(typeof STUDENT_IMPORT_COLUMNS)[number], string>>;
const row = (first: string, nationalNumber: string, overrides: Row = {}): Row => ({
  Programma: '7de leerjaar',
  Voornaam: first,
  Achternaam: 'Klas',
  Rijksregisternummer: nationalNumber,
  'E-mail': `${first.toLowerCase()}@leerling.example`,
  Telefoon: '0470 12 34 56',
  'Straat en nummer': 'Stationsstraat 12',
  Postcode: '8000',
  Gemeente: 'Brugge',
  Vervoer: 'Fiets',
  Stagebegeleider: 'Mevrouw Claes',
  Stagevorm: 'Blok',
  'Uren per week': '19',
  'Totaal aantal uren': '80',
  'Periode 1 start': '05/10/2026',
  'Periode 1 einde': '30/10/2026',
  ...overrides,
});
const sheet = (rows: Row[]) =>
  Buffer.from(
    `\uFEFF${[STUDENT_IMPORT_COLUMNS.join(';'), ...rows.map((r) => STUDENT_IMPORT_COLUMNS.map((c) => r[c] ?? '').join(';'))].join('\r\n')}\r\n`,
  );

describe('a school imports a class from Excel', () => {
  for (const width of [1366, 390]) {
    it(`shows each problem on its row before anything is added, then adds the rest (${width} px)`, async () => {
      const school = await personOf(schoolOrganisation(), 'Ilse Import');
      await call(
        '/supervisors',
        { name: 'Mevrouw Claes', phone: '050 12 34 56', email: 'claes@lutgardis.example' },
        school.accessToken,
      );
      const page = await signedIn(browser(), school.email, school.password, {
        viewport: { width, height: 900 },
      });
      const errors = watchForErrors(page);
      await openFromMenu(page, 'Leerlingen');
      await page.getByRole('link', { name: 'Importeren uit Excel' }).click();
      await expect.poll(() => heading(page)).toBe('Leerlingen importeren');

      await page.getByLabel('Ingevuld bestand (XLSX of CSV)').setInputFiles({
        name: 'klas-5a.csv',
        mimeType: 'text/csv',
        buffer: sheet([
          row('Anke', '85.07.30-033.28'),
          row('Bram', '90.02.01-997.04', { Stagebegeleider: 'Meneer Onbekend' }),
          row('Chloe', '85.07.30-033.29'),
        ]),
      });
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'klaar om toe te voegen' }).textContent())
        .toContain('1 leerling is klaar om toe te voegen; 2 problemen');
      // Each problem sits on its row, under its column's title.
      const problem = page.getByRole('row').filter({ hasText: 'Meneer Onbekend' });
      expect(await problem.getByRole('cell').first().textContent()).toContain('3');
      expect(await problem.textContent()).toContain('Stagebegeleider');
      expect(await page.getByRole('row').filter({ hasText: 'klopt niet' }).textContent()).toContain(
        'Rijksregisternummer',
      );
      expect(await page.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(true);
      await page.screenshot({ path: `/tmp/student-import-${width}.png`, fullPage: true });

      await page.getByRole('button', { name: 'Voeg 1 leerling toe' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'toegevoegd' }).textContent())
        .toContain('1 leerling toegevoegd');
      await page.getByRole('link', { name: 'Naar de leerlingen' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Klas Anke' }).count()).toBe(1);
      expect(errors).toEqual([]);
    });
  }
});
