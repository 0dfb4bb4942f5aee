import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
import type { Supervisor } from '#contract/people';
import type { StudentDetail } from '#contract/students-responses';
import { chromiumForThisFile, heading, openFromMenu, signedIn, watchForErrors } from './browser';
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

async function adminPage(): Promise<Page> {
  const page = await (await browser().newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(`${inject('appUrl')}/aanmelden`);
  await page.getByLabel('E-mailadres').fill(inject('admin').email);
  await page.getByLabel('Wachtwoord').fill(inject('admin').password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect.poll(() => heading(page)).toMatch(/^Welkom/);
  return page;
}

/** The number a figure card shows, by its label. */
const figure = (page: Page, label: string) =>
  page
    .locator('.figure', { has: page.getByText(label, { exact: true }) })
    .locator('.figure-value')
    .textContent();

describe("the sector's overview", () => {
  it('shows the figures and the chart (with its table) after students were entered and one accepted', async () => {
    // Adult education in Oost-Vlaanderen: no other browser test enters such students there.
    const school = await personOf(schoolOrganisation(['adult']), 'Sofie Secretariaat');
    const supervisor = await call<Supervisor>(
      '/supervisors',
      { name: 'Begeleider Bert', phone: '050 12 34 56', email: 'bert@school.example' },
      school.accessToken,
    );
    const suffix = Date.now().toString(36);
    const students = [];
    for (const [i, firstName] of ['Ann', 'Bram', 'Cato'].entries()) {
      students.push(
        await call<StudentDetail>(
          '/students',
          studentBody(
            supervisor.id,
            {
              track: 'adult',
              firstName,
              lastName: `Overzicht${suffix}`,
              nationalNumber: withCheckDigits(`8501010${10 + i}`, false),
              email: `${firstName.toLowerCase()}@leerling.example`,
              address: { street: 'Markt 3', postcode: '9000', city: 'Gent' },
              province: 'oost-vlaanderen',
            },
            { periods: [{ start: '2027-01-11', end: '2027-02-05' }] },
          ),
          school.accessToken,
        ),
      );
    }
    await put('/tracks/adult/phase', { phase: 'all' }, await adminToken());
    const service = await personOf(serviceOrganisation('Familiezorg Gent'), 'Greet Gent');
    const contact = await call<{ id: string }>(
      '/contacts',
      { name: 'Mentor Mia', phone: '09 11 22 33', email: 'mia@dienst.example' },
      service.accessToken,
    );
    await put(
      `/requests/${students[0]!.id}/decision`,
      { status: 'accepted', contactId: contact.id, periods: [0] },
      service.accessToken,
    );

    // Other files enter adult students elsewhere (West-Vlaanderen) on the same stack; the regional
    // team of Oost-Vlaanderen sees the figures of this test's students alone.
    const coordinator = await personOf(
      {
        type: 'admin',
        name: `Regio Oost-Vlaanderen ${suffix}`,
        email: 'oost-vlaanderen@vivo.example',
        provinces: ['oost-vlaanderen'],
      },
      'Olivia Oost',
    );
    let errors: string[] = [];
    const page = await signedIn(browser(), coordinator.email, coordinator.password, {}, (p) => {
      errors = watchForErrors(p);
    });
    await openFromMenu(page, 'Overzicht');
    await expect.poll(() => heading(page)).toContain('Overzicht');
    // The switch is controlled by the URL: click, then wait for the URL and the state to follow.
    await page.getByRole('radio', { name: 'Volwassenen' }).click();
    await expect.poll(() => page.url()).toContain('track=adult');
    await expect.poll(() => page.getByRole('radio', { name: 'Volwassenen' }).isChecked()).toBe(true);

    await expect.poll(() => figure(page, 'Ingevoerd')).toBe('3');
    expect(await figure(page, 'Geplaatst')).toBe('1');
    expect(await figure(page, 'Zonder plaats')).toBe('2');
    expect(await figure(page, 'Gestopt')).toBe('0');
    expect(await figure(page, '% geplaatst')).toBe('33\u00a0%');

    // The province table has the same figures in the province of the students.
    const province = page.getByRole('row', { name: /^Oost-Vlaanderen/ });
    expect(await province.getByRole('cell').allTextContents()).toEqual([
      '3',
      '2',
      expect.any(String),
      '1',
      '0',
      '33\u00a0%',
    ]);

    // The chart is an image with a title and a description, and the numbers behind it are a table.
    const chart = page.getByRole('img', {
      name: 'Ingevoerde en geplaatste leerlingen in de tijd (cumulatief)',
    });
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-describedby')).toBeTruthy();
    // All entered and placed today: one day, said once ("Op …", not "Van 3 december tot 3 december").
    const caption = await page.locator('figcaption').textContent();
    expect(caption).toMatch(
      /^Op \d+ \w+ \d{4} werden 3 leerlingen ingevoerd; 1 van de 3 ingevoerde leerlingen is geplaatst/,
    );
    await page.getByText('Toon de cijfers van de grafiek als tabel').click();
    const rows = page
      .getByRole('table', { name: 'Ingevoerde en geplaatste leerlingen per dag' })
      .getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('cell').allTextContents()).toEqual(['3', '3', '1', '1']);

    // The school with students still without a place is among the nudges, and leads to them.
    await page.getByRole('link', { name: school.organisation.name }).click();
    await expect.poll(() => heading(page)).toBe('Leerlingen');
    await expect
      .poll(() => page.getByRole('row', { name: new RegExp(`Overzicht${suffix}`) }).count())
      .toBe(2);

    // The round marks come with the dashboard itself (the calendar's rounds of the track).
    expect(errors).toEqual([]);
  });
});

describe("the sector's student detail", () => {
  it('shows per service the decision on a dual student, since when, and when it invited', async () => {
    const school = await personOf(schoolOrganisation(['dual']), 'Sara Secretariaat');
    const supervisor = await call<Supervisor>(
      '/supervisors',
      { name: 'Begeleider Bo', phone: '050 12 34 56', email: 'bo@school.example' },
      school.accessToken,
    );
    const lastName = `Beslissing${Date.now().toString(36)}`;
    const student = await call<StudentDetail>(
      '/students',
      {
        track: 'dual',
        firstName: 'Dina',
        lastName,
        nationalNumber: withCheckDigits('040517123', true),
        email: 'dina@leerling.example',
        phone: '0470 12 34 56',
        address: { street: 'Markt 3', postcode: '8000', city: 'Brugge' },
        province: 'west-vlaanderen',
        transport: ['bike'],
        internship: {
          supervisorId: supervisor.id,
          form: 'alternating',
          totalHours: 600.5,
          periods: [{ start: '2026-10-05', end: '2027-03-26' }],
          weekdays: ['monday', 'thursday'],
        },
      },
      school.accessToken,
    );
    await put('/tracks/dual/phase', { phase: 'all' }, await adminToken());
    const [declined, placed, passed] = await Promise.all([
      personOf(serviceOrganisation('Thuiszorg Damme'), 'Dirk Damme'),
      personOf(serviceOrganisation('Gezinszorg Torhout'), 'Tine Torhout'),
      personOf(serviceOrganisation('Familiehulp Tielt'), 'Toon Tielt'),
    ]);
    const decide = (service: typeof placed, body: Record<string, unknown>) =>
      put(`/requests/${student.id}/decision`, body, service.accessToken);
    // One service invites and does not retain her, one passes without inviting, one invites and accepts.
    await decide(declined, { status: 'invited' });
    await decide(declined, { status: 'not_accepted' });
    await decide(passed, { status: 'not_invited' });
    await decide(placed, { status: 'invited' });
    const mentor = await call<{ id: string }>(
      '/contacts',
      { name: 'Mentor Marleen', phone: '050 11 22 33', email: 'marleen@dienst.example' },
      placed.accessToken,
    );
    await decide(placed, { status: 'accepted', contactId: mentor.id, notes: 'Start in oktober.' });

    const page = await adminPage();
    const errors = watchForErrors(page);
    await page.goto(`${inject('appUrl')}/alle-leerlingen?name=${lastName}`);
    await page.getByRole('link', { name: new RegExp(lastName) }).click();
    await expect.poll(() => heading(page)).toBe(`Dina ${lastName}`);
    // Numbers as Belgians write them.
    expect(await page.getByText('600,5 in totaal').count()).toBe(1);

    const decisions = page.getByRole('region', { name: 'Beslissingen per dienst' }).getByRole('table');
    await expect.poll(() => decisions.getByRole('row').count()).toBe(4);
    expect(
      await decisions
        .getByRole('columnheader')
        .allTextContents()
        .then((h) => h.map((t) => t.trim())),
    ).toEqual(['Dienst', 'Status', 'Sinds', 'Uitgenodigd op']);
    const cells = async (name: string) =>
      (
        await decisions
          .getByRole('row', { name: new RegExp(name) })
          .getByRole('cell')
          .allTextContents()
      ).map((t) => t.trim());
    // Dutch words from the one set of labels; a date and time in Brussels; "—" when never invited.
    const when = /^\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}$/;
    const [damme, torhout, tielt] = await Promise.all([
      cells(declined.organisation.name),
      cells(placed.organisation.name),
      cells(passed.organisation.name),
    ]);
    expect(damme).toEqual([
      declined.organisation.name,
      'Niet aanvaard',
      expect.stringMatching(when),
      expect.stringMatching(when),
    ]);
    expect(torhout).toEqual([
      placed.organisation.name,
      'Aanvaard',
      expect.stringMatching(when),
      expect.stringMatching(when),
    ]);
    expect(tielt).toEqual([passed.organisation.name, 'Niet uitgenodigd', expect.stringMatching(when), '—']);
    expect(errors).toEqual([]);
  });
});

describe('importing services', () => {
  it('shows the bad row in the dry run and imports the rest', async () => {
    const suffix = Date.now().toString(36);
    const csv = [
      'Naam;E-mail;Provincie;Sector;Straat;Postcode;Gemeente',
      `Thuiszorg Aalst ${suffix};aalst-${suffix}@import.example;Oost-Vlaanderen;social profit;Markt 1;9300;Aalst`,
      `Gezinszorg Mol ${suffix};mol-${suffix}@import.example;Atlantis;social profit;Markt 2;2400;Mol`,
      `OCMW Lier ${suffix};lier-${suffix}@import.example;Antwerpen;lokaal bestuur;Markt 3;2500;Lier`,
    ].join('\r\n');
    const dir = mkdtempSync(join(tmpdir(), 'sector-e2e-'));
    const file = join(dir, 'diensten.csv');
    writeFileSync(file, `\uFEFF${csv}\r\n`);

    const page = await adminPage();
    const errors = watchForErrors(page);
    await openFromMenu(page, 'Importeren');
    await expect.poll(() => heading(page)).toBe('Importeren');
    await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(file);

    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('2 rijen geldig, 0 bestaan al, 1 fout.');
    const errorRows = page.getByRole('table', { name: /Fouten per rij/ }).getByRole('row');
    expect(await errorRows.count()).toBe(2);
    const [row, column, message] = await errorRows.nth(1).getByRole('cell').allTextContents();
    expect([row, column]).toEqual(['3', 'Provincie']);
    expect(message).toBeTruthy();

    await page.getByRole('button', { name: 'Importeer 2 organisaties' }).click();
    await expect.poll(() => page.locator('.alert-ok').textContent()).toContain('2 organisaties geïmporteerd');

    // The imported services are in the organisations' list; the bad row's is not.
    await page.goto(`${inject('appUrl')}/organisaties?q=${suffix}`);
    await expect.poll(() => page.getByText(`Thuiszorg Aalst ${suffix}`).count()).toBe(1);
    expect(await page.getByText(`OCMW Lier ${suffix}`).count()).toBe(1);
    expect(await page.getByText(`Gezinszorg Mol ${suffix}`).count()).toBe(0);

    expect(errors).toEqual([]);
  });
});

describe("the admin's mailing", () => {
  it('says what is missing, previews the recipients of one province, sends once and logs it', async () => {
    await personOf({ ...serviceOrganisation('Thuiszorg Hasselt'), province: 'limburg' }, 'Lien Limburg');
    const subject = `Nieuws voor Limburg ${Date.now().toString(36)}`;
    const page = await adminPage();
    const errors = watchForErrors(page);
    await openFromMenu(page, 'Mailing');
    await expect.poll(() => heading(page)).toBe('Mailing');
    await page.getByLabel('Provincie').selectOption({ label: 'Limburg' });

    // Without a subject: the reason under the field, and focus on the summary at the top.
    await page.getByLabel('Tekst').fill('De ronde loopt goed.\n\nTot snel.');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await expect
      .poll(() => page.locator('.field-invalid .field-error').textContent())
      .toBe('Vul het onderwerp in.');
    await expect
      .poll(() => page.evaluate("document.activeElement?.classList.contains('error-summary')"))
      .toBe(true);

    await page.getByLabel('Onderwerp').fill(subject);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const sendButton = page.getByRole('button', { name: /^Versturen naar \d+ perso/ });
    await expect.poll(() => sendButton.count()).toBe(1);
    expect(await page.locator('.mail-preview').textContent()).toContain('De ronde loopt goed.');

    // A changed draft needs a new preview before it can go.
    await page.getByLabel('Onderwerp').fill(`${subject}!`);
    expect(await sendButton.count()).toBe(0);
    await page.getByLabel('Onderwerp').fill(subject);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await sendButton.click();
    await expect
      .poll(() => page.locator('.mailing-progress .alert').textContent())
      .toContain(`De mailing “${subject}” staat klaar voor`);
    expect(await page.getByLabel('Onderwerp').inputValue()).toBe('');

    await openFromMenu(page, 'Auditlog');
    await expect.poll(() => page.getByText(subject).count()).toBeGreaterThan(0);
    // Who sent it: the person and the organisation they act for.
    const row = page
      .getByRole('row')
      .filter({ has: page.getByText(subject) })
      .first();
    expect(await row.getByRole('cell').nth(1).textContent()).toContain('VIVO (sector gezinszorg)');
    // The one 400 is the draft without a subject, on purpose; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });
});
