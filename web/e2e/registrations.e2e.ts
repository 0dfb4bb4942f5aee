import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile, heading, openFromMenu, watchForErrors } from './browser';
import { linkInLatestMail } from './mailbox';

const browser = chromiumForThisFile();

async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${inject('appUrl')}/aanmelden`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

describe('services register themselves in the browser', () => {
  it('Registreer je dienst → the admin approves → the manager activates from the mail', async () => {
    const suffix = Date.now().toString(36);
    const serviceName = `Thuiszorg Lier ${suffix}`;
    const managerEmail = `beheer-${suffix}@thuiszorglier.example`;

    // A visitor finds the form in the menu and registers the service.
    const visitor = await browser().newContext();
    const page = await visitor.newPage();
    const errors = watchForErrors(page);
    await page.goto(inject('appUrl'));
    await page.getByRole('link', { name: 'Registreer je dienst' }).click();
    await expect.poll(() => heading(page)).toBe('Registreer je dienst');
    await page.getByRole('button', { name: 'Registratie versturen' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(5);
    expect(await page.getByText('Bevestig dat de mentoren').count()).toBeGreaterThan(0);

    await page.getByLabel('Naam van de dienst').fill(serviceName);
    await page.getByLabel('Algemeen e-mailadres').fill(`info-${suffix}@thuiszorglier.example`);
    await page.getByLabel('Provincie').selectOption('antwerpen');
    await page.getByLabel('Sector').selectOption('social_profit');
    await page.getByLabel('Straat en nummer').fill('Grote Markt 1');
    await page.getByLabel('Postcode').fill('2500');
    await page.getByLabel('Gemeente').fill('Lier');
    await page.getByLabel('Secundair onderwijs').check();
    await page.getByLabel('Aantal plaatsen').fill('3');
    await page.getByLabel('Eerste dag van de periode').fill('2026-10-05');
    await page.getByLabel('Laatste dag van de periode').fill('2026-11-27');
    await page.getByLabel('Naam van de verantwoordelijke').fill('Lotte Peeters');
    await page.getByLabel('E-mailadres van de verantwoordelijke').fill(managerEmail);
    for (const box of await page.locator('input[name="declaration"]').all()) await box.check();
    await page.getByRole('button', { name: 'Registratie versturen' }).click();
    await expect.poll(() => heading(page)).toBe('Registratie ontvangen');
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);

    // The admin approves it on the registrations page.
    const admin = await browser().newContext();
    const adminPage = await admin.newPage();
    const adminErrors = watchForErrors(adminPage);
    await logIn(adminPage, inject('admin').email, inject('admin').password);
    await expect.poll(() => heading(adminPage)).toBe('Welkom, Lokale beheerder');
    await openFromMenu(adminPage, 'Registraties');
    const card = adminPage.locator('.card', { has: adminPage.getByRole('heading', { name: serviceName }) });
    await expect.poll(() => card.textContent()).toContain('Wacht op antwoord');
    await card.getByRole('button', { name: 'Goedkeuren' }).click();
    await expect
      .poll(() => adminPage.getByRole('status').first().textContent())
      .toContain('kreeg een activatiemail');
    await expect.poll(() => card.textContent()).toContain('Goedgekeurd');
    expect(adminErrors).toEqual([]);

    // The manager activates the account from the mail and lands in the service's menu.
    const link = await linkInLatestMail(managerEmail);
    const manager = await browser().newContext();
    const managerPage = await manager.newPage();
    const managerErrors = watchForErrors(managerPage);
    await managerPage.goto(link);
    await expect.poll(() => heading(managerPage)).toBe('Account activeren');
    const password = 'de schelde stroomt traag voorbij';
    await managerPage.getByLabel('Nieuw wachtwoord').fill(password);
    await managerPage.getByLabel('Herhaal het wachtwoord').fill(password);
    await managerPage.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(() => heading(managerPage)).toBe('Welkom, Lotte Peeters');
    expect(await managerPage.getByRole('navigation', { name: 'Hoofdmenu' }).textContent()).toContain(
      'Stagevragen',
    );
    expect(managerErrors).toEqual([]);

    for (const [p, name] of [
      [page, 'registreren'],
      [adminPage, 'registraties'],
    ] as const) {
      for (const width of [1366, 390]) {
        await p.setViewportSize({ width, height: 900 });
        await p.screenshot({ path: `/tmp/traj-shots/${name}-${width}.png`, fullPage: true });
      }
    }
    await Promise.all([visitor.close(), admin.close(), manager.close()]);
  });
});
