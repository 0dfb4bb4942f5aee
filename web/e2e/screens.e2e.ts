import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
import type { Supervisor } from '#contract/people';
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
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/screens';
const signIn = (email: string, password: string) =>
  signedIn(browser(), email, password, { viewport: LAPTOP });

/** A full-page picture of what a person sees, at a laptop's and a phone's width, to be looked at. */
async function shoot(page: Page, name: string, widths = [LAPTOP, PHONE]) {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of widths) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(LAPTOP);
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

const stamp = Date.now().toString(36);
let school: Awaited<ReturnType<typeof personOf>>;
let service: Awaited<ReturnType<typeof personOf>>;

beforeAll(async () => {
  school = await personOf(schoolOrganisation(), 'Sien Scherm');
  service = await personOf(serviceOrganisation(`Thuiszorg Scherm ${stamp}`), 'Hanne Scherm');
  const supervisor = await call<Supervisor>(
    '/supervisors',
    { name: 'Begeleider Bo', phone: '050 12 34 56', email: 'bo@school.example' },
    school.accessToken,
  );
  // Three periods in one year and one across the new year: the cells that wrapped over many lines.
  for (const i of [0, 1]) {
    await call(
      '/students',
      studentBody(
        supervisor.id,
        {
          programme: 'third_grade',
          firstName: 'Lien',
          lastName: `Scherm${stamp} ${i}`,
          nationalNumber: withCheckDigits(`85031602${i}`, false),
          email: `lien${i}.${stamp}@leerling.example`,
          address: { street: 'Kerkstraat 3', postcode: '1980', city: 'Eppegem' },
          province: 'antwerpen',
          transport: ['bike', 'public_transport'],
        },
        {
          totalHours: 120,
          periods: [
            { start: '2026-10-05', end: '2026-11-13' },
            { start: '2026-12-14', end: '2027-01-15' },
          ],
        },
      ),
      school.accessToken,
    );
  }
  await call(
    '/contacts',
    { name: 'Mentor Mieke', phone: '050 11 22 33', email: 'mieke@dienst.example' },
    service.accessToken,
  );
  await put('/tracks/secondary/phase', { phase: 'all' }, await adminToken());
});

describe('add forms', () => {
  it('a supervisor: the form empties after saving, says what was saved, and a double click adds one', async () => {
    const page = await signIn(school.email, school.password);
    const errors = watchForErrors(page);
    await page.getByRole('link', { name: 'Stagebegeleiders' }).click();
    await expect.poll(() => heading(page)).toBe('Stagebegeleiders');
    await page.getByLabel('Naam').fill('Meester Maes');
    await page.getByLabel('Telefoon').fill('050 98 76 54');
    await page.getByLabel('E-mailadres').fill('maes@school.example');
    await page.getByRole('button', { name: 'Begeleider toevoegen' }).dblclick();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Meester Maes is toegevoegd (050 98 76 54, maes@school.example).');
    expect(await page.getByLabel('Naam').inputValue()).toBe('');
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe('');
    // Clicking again does not add the same person a second time.
    await page.getByRole('button', { name: 'Begeleider toevoegen' }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'Meester Maes' }).count()).toBe(1);
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  });

  it('an invitation: the form empties, so a second click does not answer "already has an account"', async () => {
    const page = await signIn(inject('admin').email, inject('admin').password);
    await page.goto(`${inject('appUrl')}/organisaties/${service.organisation.id}`);
    await expect.poll(() => heading(page)).toBe(service.organisation.name);
    const email = `nieuw.${stamp}@dienst.example`;
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Uitnodiging versturen' }) });
    await form.getByLabel('Naam').fill('Nele Nieuw');
    await form.getByLabel('E-mailadres').fill(email);
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).dblclick();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe(`Nele Nieuw kreeg een uitnodiging op ${email}.`);
    expect(await form.getByLabel('E-mailadres').inputValue()).toBe('');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect.poll(() => form.locator('.field-error').count()).toBeGreaterThan(0);
    expect(await page.getByText('heeft al een account').count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'Nele Nieuw' }).count()).toBe(1);
  });
});

describe("the services' list", () => {
  it('uses the width, shows a period on one line and the internship province apart from the residence', async () => {
    const page = await signIn(service.email, service.password);
    const errors = watchForErrors(page);
    await page.goto(`${inject('appUrl')}/stagevragen?name=${stamp}`);
    const rows = page.locator('main tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const table = await page.locator('main table').boundingBox();
    expect(table!.width).toBeGreaterThan(1200);

    const row = rows.first();
    const periods = row.locator('td[data-label="Periodes"] li');
    expect(await periods.allTextContents()).toEqual(['05/10 – 13/11/2026', '14/12/2026 – 15/01/2027']);
    const lineHeight = await page.evaluate(
      `parseFloat(getComputedStyle(document.querySelector('main tbody td')).lineHeight)`,
    );
    for (const box of await Promise.all((await periods.all()).map((p) => p.boundingBox()))) {
      expect(box!.height).toBeLessThan((lineHeight as number) * 1.5);
    }
    const more = await row.getByRole('button', { name: 'Meer info' }).boundingBox();
    expect(more!.height).toBeLessThan((lineHeight as number) * 2);
    const residence = row.locator('td[data-label="Woonplaats"]');
    expect(await residence.textContent()).toBe('1980 Eppegemstage in Antwerpen');
    expect(await residence.locator('.hint').textContent()).toBe('stage in Antwerpen');

    await shoot(page, 'services-list');
    expect(errors).toEqual([]);
  });
});

describe('filters', () => {
  it('say when a postcode cannot be used, clear all at once and show that the list is refreshing', async () => {
    const page = await signIn(service.email, service.password);
    await page.goto(`${inject('appUrl')}/stagevragen?name=${stamp}`);
    await expect.poll(() => page.locator('main tbody tr').count()).toBe(2);
    const summary = page.locator('details.filter-panel > summary');
    expect(await summary.textContent()).toContain('(1 ingesteld)');

    const postcode = page.getByLabel('Postcode of regio');
    await postcode.fill('abcd');
    const field = page.locator('.filter-field', { has: postcode });
    await expect.poll(() => field.locator('.field-error').textContent()).toContain('2 tot 4 cijfers');
    expect(await postcode.getAttribute('aria-invalid')).toBe('true');
    expect(await summary.textContent()).toContain('(1 ingesteld)');
    expect(page.url()).not.toContain('postcode');
    await postcode.fill('19');
    await expect.poll(() => summary.textContent()).toContain('(2 ingesteld)');
    expect(await field.locator('.field-error').count()).toBe(0);

    // While the list is read again, the rows shown are the previous ones and the page says so.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const list = (url: URL) => url.pathname === '/api/requests';
    await page.route(list, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('Fiets', { exact: true }).check();
    await expect.poll(() => summary.textContent()).toContain('lijst wordt bijgewerkt');
    expect(await page.locator('main tbody tr').count()).toBe(2);
    release();
    await expect.poll(() => summary.textContent()).not.toContain('lijst wordt bijgewerkt');
    await page.unroute(list);

    await page.getByRole('button', { name: 'Wis alle filters' }).click();
    await expect.poll(() => summary.textContent()).not.toContain('ingesteld');
    const search = new URL(page.url()).searchParams;
    expect([...search.keys()].filter((k) => k !== 'track' && k !== 'tab')).toEqual([]);
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('');
    expect(await postcode.inputValue()).toBe('');
    expect(await page.getByLabel('Fiets', { exact: true }).isChecked()).toBe(false);
  });
});

describe("the admin's menu", () => {
  it('is one row of groups on a laptop and one button on a phone', async () => {
    const page = await signIn(inject('admin').email, inject('admin').password);
    const errors = watchForErrors(page);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const list = nav.locator('ul.nav-list');
    const linkHeight = (await nav.getByRole('link', { name: 'Start' }).boundingBox())!.height;
    expect((await list.boundingBox())!.height).toBeLessThan(linkHeight * 1.5);
    // …beside the product's name, not on a row of its own.
    const brand = (await page.locator('.brand').boundingBox())!;
    expect((await list.boundingBox())!.y).toBeLessThan(brand.y + brand.height);

    await nav.getByRole('button', { name: 'Schooljaar' }).click();
    expect(await nav.getByRole('link').allTextContents()).toContain('Kalender');
    await nav.getByRole('button', { name: 'Beheer' }).click();
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(
      expect.arrayContaining(['Registraties', 'Overnames', 'Importeren', 'Mailing', 'Auditlog']),
    );
    expect(links).not.toContain('Kalender');
    await page.screenshot({ path: `${SHOTS}/admin-menu-1366.png` });
    await page.keyboard.press('Escape');
    expect(await nav.getByRole('link', { name: 'Mailing' }).count()).toBe(0);

    await openFromMenu(page, 'Kalender');
    await expect.poll(() => heading(page)).toBe('Kalender');
    expect(await nav.getByRole('button', { name: 'Schooljaar' }).getAttribute('class')).toContain('active');

    // A phone: the menu takes one line until it is opened.
    await page.setViewportSize(PHONE);
    expect(await nav.getByRole('link').count()).toBe(0);
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThan(80);
    await nav.getByRole('button', { name: 'Menu' }).click();
    expect(await nav.getByRole('link', { name: 'Organisaties' }).isVisible()).toBe(true);
    await nav.getByRole('button', { name: 'Beheer' }).click();
    await page.screenshot({ path: `${SHOTS}/admin-menu-390.png`, fullPage: true });
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await nav.getByRole('link', { name: 'Mailing' }).click();
    await expect.poll(() => heading(page)).toBe('Mailing');
    await expect.poll(() => nav.getByRole('link').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("the dashboard's chart", () => {
  it('marks the rounds without collisions, names them in a legend, and shows entered beside placed', async () => {
    const page = await signIn(inject('admin').email, inject('admin').password);
    const errors = watchForErrors(page);
    await openFromMenu(page, 'Overzicht');
    await expect.poll(() => heading(page)).toBe('Overzicht');
    const chart = page.locator('figure.chart');
    await expect.poll(() => chart.locator('svg').count()).toBe(1);
    expect(await chart.locator('path.chart-entered').count()).toBe(1);
    const legend = (await chart.locator('.chart-legend').textContent()) ?? '';
    expect(legend).toContain('Ingevoerd');
    expect(legend).toContain('Geplaatst');
    const caption = (await chart.locator('figcaption').textContent()) ?? '';
    expect(caption).not.toMatch(/^Van (.+) tot \1 /);

    for (const size of [LAPTOP, PHONE]) {
      await page.setViewportSize(size);
      const svg = (await chart.locator('svg').boundingBox())!;
      const marks = await Promise.all(
        (await chart.locator('.chart-round circle').all()).map((m) => m.boundingBox()),
      );
      expect(marks.length).toBe(await chart.locator('.chart-legend .key-round').count());
      for (const [i, a] of marks.entries()) {
        expect(inside(a!, svg), `mark ${i + 1} at ${size.width} px`).toBe(true);
        for (const b of marks.slice(i + 1)) expect(overlap(a!, b!), `marks at ${size.width} px`).toBe(false);
      }
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    }
    await shoot(page, 'dashboard');
    expect(errors).toEqual([]);
  });
});

describe('the student form', () => {
  it('keeps the period fields level, names the transport group, and has multi-line remarks', async () => {
    const page = await signIn(school.email, school.password);
    await page.goto(`${inject('appUrl')}/leerlingen/nieuw`);
    await expect.poll(() => heading(page)).toBe('Leerling toevoegen');
    for (const label of ['Opmerkingen over de leerling', 'Opmerkingen over de stage']) {
      expect(await page.getByLabel(label).evaluate((e) => (e as { nodeName?: string }).nodeName)).toBe(
        'TEXTAREA',
      );
    }
    await page.getByLabel('Periode 1: startdatum').fill('2026-10-30');
    await page.getByLabel('Periode 1: einddatum').fill('2026-10-05');
    await page.getByRole('button', { name: 'Leerling bewaren' }).click();

    const alert = page.locator('.error-summary');
    await expect.poll(() => alert.textContent()).toContain('Vervoer: Kies minstens één vervoersmiddel.');
    expect(await alert.textContent()).not.toContain('Auto:');
    const end = page.getByLabel('Periode 1: einddatum');
    const endField = page.locator('.field', { has: end });
    expect(await endField.locator('.field-error').textContent()).toBe(
      'De einddatum ligt vóór de startdatum.',
    );

    const start = page.getByLabel('Periode 1: startdatum');
    expect((await start.boundingBox())!.y).toBe((await end.boundingBox())!.y);
    await shoot(page, 'student-form-errors');

    await page.setViewportSize(PHONE);
    const card = page.locator('fieldset', { has: end });
    const cardBox = (await card.boundingBox())!;
    for (const input of [start, end]) {
      const box = (await input.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width - 8);
    }
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  });
});
