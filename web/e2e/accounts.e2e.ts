import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile, heading, watchForErrors } from './browser';
import { linkInLatestMail } from './mailbox';

const browser = chromiumForThisFile();

const menu = (page: Page) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();

async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${inject('appUrl')}/aanmelden`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

describe('accounts in the browser', () => {
  it('invitation mail → activation → logged in with the right menu → logout → login', async () => {
    const suffix = Date.now().toString(36);
    const personEmail = `hr-${suffix}@familiehulp.example`;

    // The sector's admin creates a service and invites its HR person.
    const admin = await browser().newContext();
    const adminPage = await admin.newPage();
    const adminErrors = watchForErrors(adminPage);
    await logIn(adminPage, inject('admin').email, inject('admin').password);
    await expect.poll(() => heading(adminPage)).toBe('Welkom, Lokale beheerder');
    // The year's set-up and the sector's housekeeping are grouped behind a button each.
    expect(await menu(adminPage)).toEqual([
      'Start',
      'Overzicht',
      'Leerlingen',
      'Organisaties',
      'Mijn account',
    ]);
    expect(
      await adminPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button').allTextContents(),
    ).toEqual(['Schooljaar ▾', 'Beheer ▾', 'Afmelden']);

    await adminPage.getByRole('link', { name: 'Organisaties' }).click();
    await adminPage.getByRole('link', { name: 'Nieuwe organisatie' }).click();
    await adminPage.getByLabel('Naam').fill(`Familiehulp Brugge ${suffix}`);
    await adminPage.getByLabel('Algemeen e-mailadres').fill(`info-${suffix}@familiehulp.example`);
    await adminPage.getByLabel('Straat en nummer').fill('Markt 1');
    await adminPage.getByLabel('Postcode').fill('8000');
    await adminPage.getByLabel('Gemeente').fill('Brugge');
    expect(await adminPage.getByLabel('Provincie').inputValue()).toBe('west-vlaanderen');
    await adminPage.getByLabel('Sector', { exact: true }).selectOption('social_profit');
    await adminPage.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect.poll(() => heading(adminPage)).toBe(`Familiehulp Brugge ${suffix}`);

    await adminPage.getByRole('textbox', { name: 'Naam' }).first().fill('Hilde Raes');
    await adminPage.getByRole('textbox', { name: 'E-mailadres' }).first().fill(personEmail);
    await adminPage.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect
      .poll(() => adminPage.getByRole('status').first().textContent())
      .toContain('Hilde Raes kreeg een uitnodiging');
    expect(adminErrors).toEqual([]);

    // The invited person opens the mail's link in their own browser.
    const link = await linkInLatestMail(personEmail);
    const person = await browser().newContext();
    const page = await person.newPage();
    const errors = watchForErrors(page);
    await page.goto(link);
    await expect.poll(() => heading(page)).toBe('Account activeren');
    expect(await page.getByText('minstens 12 tekens').count()).toBeGreaterThan(0);

    await page.getByLabel('Nieuw wachtwoord').fill('qwerty123456');
    await page.getByLabel('Herhaal het wachtwoord').fill('qwerty123456');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('veelgebruikte');

    const password = 'zomer aan de kust in brugge';
    await page.getByLabel('Nieuw wachtwoord').fill(password);
    await page.getByLabel('Herhaal het wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(() => heading(page)).toBe('Welkom, Hilde Raes');
    expect(await menu(page)).toEqual([
      'Start',
      'Stagevragen',
      'Contactpersonen',
      'Overnames',
      'Duaal rapport',
      'Mijn account',
    ]);

    // A reload keeps the session: the httpOnly cookie renews the token silently.
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Welkom, Hilde Raes');

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect.poll(() => heading(page)).toBe('Aanmelden');
    await page.goto(`${inject('appUrl')}/account`);
    await expect.poll(() => heading(page)).toBe('Aanmelden');

    await logIn(page, personEmail, password);
    await expect.poll(() => heading(page)).toBe('Welkom, Hilde Raes');
    // The refused weak password answered 400 on purpose; anything else in the console is a bug.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);

    // The link worked once.
    await page.goto(link);
    await expect.poll(() => heading(page)).toBe('Account activeren');
    await page.getByLabel('Nieuw wachtwoord').fill('nog een lange zin hier');
    await page.getByLabel('Herhaal het wachtwoord').fill('nog een lange zin hier');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(() => heading(page)).toBe('Deze link werkt niet meer');
    expect(await page.getByRole('link', { name: 'Vraag een nieuwe activatiemail aan' }).count()).toBe(1);
  });

  it('shows the same message next to nothing for a wrong password', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await logIn(page, inject('admin').email, 'helemaal niet juist');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Het e-mailadres of het wachtwoord klopt niet.');
  });
});
