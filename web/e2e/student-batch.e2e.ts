import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForThisFile, heading, signedIn, watchForErrors } from './browser';
import { adminToken, call, personOf, schoolOrganisation, serviceOrganisation } from './people';

const browser = chromiumForThisFile();

const value = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

async function fillPerson(page: Page, first: string, last: string, nationalNumber: string) {
  await page.getByLabel('Voornaam').fill(first);
  await page.getByLabel('Achternaam').fill(last);
  await page.getByLabel('Rijksregisternummer').fill(nationalNumber);
  await page.getByLabel('E-mailadres').fill(`${first.toLowerCase()}@leerling.example`);
  await page.getByLabel('Telefoon').fill('0470 12 34 56');
  await page.getByLabel('Straat en nummer').fill('Stationsstraat 12');
  await page.getByLabel('Postcode').fill('8000');
  await page.getByLabel('Gemeente').fill('Brugge');
}

describe('a school enters a class in one go', () => {
  for (const width of [1366, 390]) {
    it(`"Opslaan en volgende leerling" keeps what the class shares and clears the person (${width} px)`, async () => {
      const school = await personOf(schoolOrganisation(), 'Sam Secretariaat');
      const elsewhere = await call<{ name: string }>(
        '/organisations',
        { ...serviceOrganisation('Thuiszorg Genk'), province: 'limburg' },
        await adminToken(),
      );
      await call(
        '/supervisors',
        { name: 'Mevrouw Claes', phone: '050 12 34 56', email: 'claes@lutgardis.example' },
        school.accessToken,
      );
      const page = await signedIn(browser(), school.email, school.password, {
        viewport: { width, height: 900 },
      });
      const errors = watchForErrors(page);
      await page.goto(new URL('/leerlingen/nieuw', page.url()).toString());
      await expect.poll(() => heading(page)).toBe('Leerling toevoegen');

      await page.getByLabel('Programma').selectOption({ label: '7de leerjaar verzorgende/zorgkundige' });
      await fillPerson(page, 'Anke', 'Peeters', '85.07.30-033.28');
      await page.getByLabel('Fiets', { exact: true }).check();
      await page.getByLabel('Stagebegeleider').selectOption({ label: 'Mevrouw Claes' });
      await page.getByLabel('Stagevorm').selectOption('block');
      await page.getByLabel('Aantal uren per week').fill('19');
      await page.getByLabel('Totaal aantal uren').fill('80');
      await page.getByLabel('Periode 1: startdatum').fill('2026-10-05');
      await page.getByLabel('Periode 1: einddatum').fill('2026-10-30');
      // A preferred service in another province hides the student in the first round: said before saving.
      const preference = page.getByLabel('Bij welke dienst wil de leerling graag werken?');
      await preference.selectOption({ label: `${elsewhere.name} (Brugge)` });
      const warning = page.getByRole('status').filter({ hasText: 'geen enkele dienst' });
      await expect.poll(() => warning.textContent()).toContain('ligt in Limburg');
      expect(await warning.textContent()).toContain('stage lopen in West-Vlaanderen');
      await page.screenshot({ path: `/tmp/preference-warning-${width}.png`, fullPage: true });
      await preference.selectOption({ label: 'Geen voorkeur' });
      expect(await warning.count()).toBe(0);

      await page.getByRole('button', { name: 'Opslaan en volgende leerling' }).click();

      // Saved, still on the form: the person is empty and has the cursor, the rest is kept.
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'is bewaard' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Anke Peeters' }).count()).toBe(1);
      expect(await heading(page)).toBe('Leerling toevoegen');
      for (const label of ['Voornaam', 'Achternaam', 'Rijksregisternummer', 'Straat en nummer', 'Postcode']) {
        expect(await value(page, label)).toBe('');
      }
      expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toBe('firstName');
      expect(await page.getByLabel('Fiets', { exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel('Stagebegeleider').locator('option:checked').textContent()).toBe(
        'Mevrouw Claes',
      );
      expect(await page.getByLabel('Stagevorm').inputValue()).toBe('block');
      expect(await value(page, 'Aantal uren per week')).toBe('19');
      expect(await value(page, 'Periode 1: startdatum')).toBe('2026-10-05');
      expect(await value(page, 'Periode 1: einddatum')).toBe('2026-10-30');
      await page.screenshot({ path: `/tmp/student-next-${width}.png`, fullPage: false });

      await fillPerson(page, 'Bram', 'Wouters', '90.02.01-997.04');
      await page.getByRole('button', { name: 'Leerling bewaren' }).click();
      await expect.poll(() => heading(page)).toBe('Bram Wouters');
      expect(await page.getByText('05/10/2026 – 30/10/2026').count()).toBe(1);

      await page.goto(new URL('/leerlingen', page.url()).toString());
      await expect.poll(() => page.getByRole('link', { name: 'Peeters Anke' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Wouters Bram' }).count()).toBe(1);
      expect(errors).toEqual([]);
    });
  }
});
