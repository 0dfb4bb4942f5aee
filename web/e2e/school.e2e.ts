import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile, heading, watchForErrors } from './browser';
import { personOf, schoolOrganisation } from './people';

const browser = chromiumForThisFile();

const errorFor = (page: Page, label: string) =>
  page
    .locator('.field', { has: page.getByLabel(label, { exact: true }) })
    .locator('.field-error')
    .textContent();

describe('a school in the browser', () => {
  it('adds a supervisor, enters a student with two periods, sees it in the list and edits it', async () => {
    const school = await personOf(schoolOrganisation(), 'Sara Secretariaat');
    const page = await (await browser().newContext()).newPage();
    const errors = watchForErrors(page);
    await page.goto(`${inject('appUrl')}/aanmelden`);
    await page.getByLabel('E-mailadres').fill(school.email);
    await page.getByLabel('Wachtwoord').fill(school.password);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => heading(page)).toBe('Welkom, Sara Secretariaat');

    await page.getByRole('link', { name: 'Stagebegeleiders' }).click();
    await page.getByLabel('Naam').fill('Mevrouw Janssens');
    await page.getByLabel('Telefoon').fill('050 12 34 56');
    await page.getByLabel('E-mailadres').fill('janssens@lutgardis.example');
    await page.getByRole('button', { name: 'Begeleider toevoegen' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Mevrouw Janssens' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Leerlingen' }).click();
    await page.getByRole('link', { name: 'Leerling toevoegen' }).click();
    await expect.poll(() => heading(page)).toBe('Leerling toevoegen');
    await page.getByLabel('Voornaam').fill('Anke');
    await page.getByLabel('Achternaam').fill('Peeters');
    await page.getByLabel('Programma').selectOption({ label: '7de leerjaar verzorgende/zorgkundige' });
    await page.getByLabel('Rijksregisternummer').fill('85.07.30-033.29'); // one digit off
    await page.getByLabel('E-mailadres').fill('anke@leerling.example');
    await page.getByLabel('Telefoon').fill('0470 12 34 56');
    await page.getByLabel('Straat en nummer').fill('Stationsstraat 12');
    await page.getByLabel('Postcode').fill('3500');
    await page.getByLabel('Gemeente').fill('Hasselt');
    expect(await page.getByLabel('Provincie waar de leerling stage wil lopen').inputValue()).toBe('limburg');
    await page.getByLabel('Fiets', { exact: true }).check();
    await page.getByLabel('Stagebegeleider').selectOption({ label: 'Mevrouw Janssens' });
    await page.getByLabel('Stagevorm').selectOption('block');
    await page.getByLabel('Aantal uren per week').fill('19');
    await page.getByLabel('Totaal aantal uren').fill('80');
    await page.getByLabel('Periode 1: startdatum').fill('2026-10-05');
    await page.getByLabel('Periode 1: einddatum').fill('2026-10-30');
    await page.getByRole('button', { name: 'Periode toevoegen' }).click();
    await page.getByLabel('Periode 2: startdatum').fill('2027-02-26');
    await page.getByLabel('Periode 2: einddatum').fill('2027-02-01'); // before the start
    expect(await page.getByText('De leerling moet 2 periodes stage lopen').count()).toBe(1);
    await page.getByRole('button', { name: 'Leerling bewaren' }).click();

    await expect.poll(() => errorFor(page, 'Rijksregisternummer')).toContain('klopt niet');
    expect(await errorFor(page, 'Periode 2: einddatum')).toBe('De einddatum ligt vóór de startdatum.');

    await page.getByLabel('Rijksregisternummer').fill('85.07.30-033.28');
    await page.getByLabel('Periode 2: startdatum').fill('2027-02-01');
    await page.getByLabel('Periode 2: einddatum').fill('2027-02-26');
    await page.getByRole('button', { name: 'Leerling bewaren' }).click();
    await expect.poll(() => heading(page)).toBe('Anke Peeters');
    expect(await page.getByText('85.07.30-033.28').count()).toBe(1);
    expect(await page.getByText('05/10/2026 – 30/10/2026, 01/02/2027 – 26/02/2027').count()).toBe(1);

    await page.getByRole('link', { name: '← Alle leerlingen' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Peeters Anke' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'Nog geen plaats' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Peeters Anke' }).click();
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await expect.poll(() => heading(page)).toBe('Anke Peeters wijzigen');
    await page.getByLabel('Auto', { exact: true }).check();
    await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
    await expect.poll(() => heading(page)).toBe('Anke Peeters');
    expect(
      (await page.getByText('Auto, Fiets').count()) + (await page.getByText('Fiets, Auto').count()),
    ).toBe(1);

    // The refused first try answered 400 on purpose; anything else in the console is a bug.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
