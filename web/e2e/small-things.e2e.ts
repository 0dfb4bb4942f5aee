import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { Round } from '#contract/school-year';
import { chromiumForThisFile, heading, signedIn } from './browser';
import { linkInLatestMail } from './mailbox';
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
const admin = () => signedIn(browser(), inject('admin').email, inject('admin').password);
const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

describe('small things a newcomer met', () => {
  it('says why a weak password is refused once, not twice', async () => {
    const token = await adminToken();
    const org = await call<{ id: string }>('/organisations', schoolOrganisation(), token);
    const email = `zwak.${Date.now().toString(36)}@e2e.example`;
    await call(`/organisations/${org.id}/members`, { email, name: 'Wim Zwak' }, token);
    const page = await (await browser().newContext()).newPage();
    await page.goto(await linkInLatestMail(email));
    await expect.poll(() => heading(page)).toBe('Account activeren');
    const weak = 'aaaaaaaaaaaaaaaa';
    await page.getByLabel('Nieuw wachtwoord').fill(weak);
    await page.getByLabel('Herhaal het wachtwoord').fill(weak);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(0);
    const reason = (await page.locator('.field-error').first().textContent()) ?? '';
    expect(reason).toContain('te makkelijk te raden');
    expect(await page.getByText(reason, { exact: false }).count()).toBe(1);
    await page.context().close();
  });

  it('confirms a new organisation and a saved student on the page the form moves on to', async () => {
    const page = await admin();
    await page.goto(`${inject('appUrl')}/organisaties/nieuw`);
    const name = `Thuiszorg Bevestigd ${Date.now().toString(36)}`;
    await page.getByLabel('Naam').fill(name);
    await page.getByLabel('Algemeen e-mailadres').fill('info@bevestigd.example');
    await page.getByLabel('Straat en nummer').fill('Markt 1');
    await page.getByLabel('Postcode').fill('8000');
    await page.getByLabel('Gemeente').fill('Brugge');
    await page.getByLabel('Sector', { exact: true }).selectOption('social_profit');
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect.poll(() => heading(page)).toBe(name);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: `${name} is aangemaakt.` })
        .count(),
    ).toBe(1);
    await page.context().close();

    const school = await personOf(schoolOrganisation(), 'Bea Bewaard');
    const supervisor = await call<{ id: string }>(
      '/supervisors',
      { name: 'Begeleider Bert', phone: '050 12 34 56', email: 'bert@school.example' },
      school.accessToken,
    );
    const student = await call<{ id: string }>(
      '/students',
      studentBody(supervisor.id, {
        firstName: 'Nele',
        lastName: 'Bewaard',
        nationalNumber: '85073003328',
        email: 'nele@leerling.example',
      }),
      school.accessToken,
    );
    const secretary = await signedIn(browser(), school.email, school.password);
    await secretary.goto(`${inject('appUrl')}/leerlingen/${student.id}/wijzigen`);
    await expect.poll(() => heading(secretary)).toBe('Nele Bewaard wijzigen');
    await secretary.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
    await expect.poll(() => heading(secretary)).toBe('Nele Bewaard');
    expect(await secretary.getByRole('status').filter({ hasText: 'Nele Bewaard is bewaard.' }).count()).toBe(
      1,
    );
    await secretary.context().close();
  });

  it('links "add a contact first" to its page, and preselects a service\'s only contact when accepting', async () => {
    const school = await personOf(schoolOrganisation(), 'Sara Secretariaat');
    const supervisor = await call<{ id: string }>(
      '/supervisors',
      { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
      school.accessToken,
    );
    const lastName = `Enig${Date.now().toString(36)}`;
    await call(
      '/students',
      studentBody(supervisor.id, {
        firstName: 'Lien',
        lastName: lastName,
        nationalNumber: '85073003328',
        email: 'lien@leerling.example',
      }),
      school.accessToken,
    );
    await put('/tracks/secondary/phase', { phase: 'all' }, await adminToken());
    const service = await personOf(serviceOrganisation('Familiehulp Enig'), 'Ilse Enig');
    const page = await signedIn(browser(), service.email, service.password);
    await page.goto(`${inject('appUrl')}/stagevragen?name=${lastName}`);
    const link = page.getByRole('link', { name: 'Voeg eerst een contactpersoon toe' });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await expect.poll(() => heading(page)).toBe('Contactpersonen');

    const contact = await call<{ id: string }>(
      '/contacts',
      { name: 'Mentor Mieke', phone: '050 11 22 33', email: 'mieke@dienst.example' },
      service.accessToken,
    );
    await page.goto(`${inject('appUrl')}/stagevragen?name=${lastName}`);
    await expect.poll(() => row(page, lastName).count()).toBe(1);
    await row(page, lastName).getByRole('button', { name: 'Aanvaarden' }).click();
    const select = page.getByRole('dialog').getByLabel('Contactpersoon');
    await expect.poll(() => select.inputValue()).toBe(contact.id);
    await page.context().close();
  });

  it("opens the Kalender's edit form under the round it edits, and Annuleren closes it", async () => {
    const stamp = Date.now().toString(36);
    const round = await call<Round>(
      '/school-year/rounds',
      {
        track: 'adult',
        kind: 'all',
        name: `Naast ${stamp}`,
        opensAt: '2032-01-10T12:00',
        closesAt: '2032-01-20T12:00',
        staysOpen: false,
        internship: { from: '2032-02-01', to: '2032-03-31' },
      },
      await adminToken(),
    );
    const page = await admin();
    await page.goto(`${inject('appUrl')}/kalender`);
    await page.getByRole('button', { name: `Wijzig Naast ${stamp}` }).click();
    const form = page.getByRole('form', { name: 'Ronde' });
    await expect.poll(() => form.count()).toBe(1);
    // The form is the row right under the round's own row.
    expect(await page.locator(`tr[data-round="${round.id}"] + tr form[aria-label="Ronde"]`).count()).toBe(1);
    expect(await form.getByLabel('Naam').inputValue()).toBe(`Naast ${stamp}`);
    mkdirSync('/tmp/polish', { recursive: true });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await form.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/polish/kalender-edit-${width}.png` });
    }
    await form.getByRole('button', { name: 'Annuleren' }).click();
    expect(await form.count()).toBe(0);
    await page.context().close();
  });
});
