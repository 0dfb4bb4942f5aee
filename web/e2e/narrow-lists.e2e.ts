import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
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
const signIn = (email: string, password: string) => signedIn(browser(), email, password, { viewport: PHONE });
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  tables: {
    display: string;
    /** Column headers that take room on the screen. */
    headers: number;
    rows: {
      display: string;
      /** Facts on the row without a label: on a card only the title and the actions go without. */
      unlabelled: string[];
      /** The row's links, buttons and selects (its actions), where each is on the screen. */
      controls: { name: string; left: number; right: number }[];
    }[];
  }[];
}

/** Per visible list table: how it is laid out, each row's unlabelled facts and its actions. */
const layoutOf = (page: Page): Promise<Layout> =>
  // A string, as the browser runs it: this project's types have no DOM.
  page.evaluate(`({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    tables: [...document.querySelectorAll('main table')]
      .filter((table) => table.checkVisibility())
      .map((table) => ({
        display: getComputedStyle(table).display,
        headers: table.tHead && table.tHead.getBoundingClientRect().height > 1 ? table.tHead.rows[0].cells.length : 0,
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
          display: getComputedStyle(tr).display,
          unlabelled: [...tr.children]
            .slice(1)
            .filter((cell) => !cell.hasAttribute('data-label') && !cell.querySelector('a, button, select'))
            .map((cell) => cell.textContent.trim())
            .filter(Boolean),
          controls: [...tr.querySelectorAll('a, button, select')].map((control) => ({
            name: control.getAttribute('aria-label') || control.textContent.trim(),
            left: control.getBoundingClientRect().left,
            right: control.getBoundingClientRect().right,
          })),
        })),
      })),
  })`);

/**
 * Opens a list at 390 px: no sideways scrolling (with its filters open too), every row a card whose
 * facts carry their labels and whose actions are all on screen; then at 1366 px: a real table.
 */
async function checkList(page: Page, path: string, title: string) {
  await page.setViewportSize(PHONE);
  await page.goto(`${inject('appUrl')}${path}`);
  await expect.poll(() => heading(page)).toBe(title);
  await expect.poll(() => page.locator('main table tbody tr').count(), { message: path }).toBeGreaterThan(0);

  const phone = await layoutOf(page);
  expect(phone.scrollWidth, `${path}: page width at 390 px`).toBeLessThanOrEqual(phone.innerWidth);
  expect(phone.tables.length, path).toBeGreaterThan(0);
  for (const table of phone.tables) {
    expect(table.headers, `${path}: column headers hidden on a card`).toBe(0);
    for (const row of table.rows) {
      expect(row.display, `${path}: a row is a card`).toBe('block');
      expect(row.unlabelled, `${path}: facts without a label`).toEqual([]);
      for (const control of row.controls) {
        expect(control.left, `${path}: ${control.name}`).toBeGreaterThanOrEqual(0);
        expect(control.right, `${path}: ${control.name}`).toBeLessThanOrEqual(phone.innerWidth);
      }
    }
  }
  const panel = page.locator('details.filter-panel');
  if ((await panel.count()) > 0) {
    if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
    expect(
      await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'),
      `${path}: page width with the filters open`,
    ).toBe(true);
  }

  await page.setViewportSize(LAPTOP);
  const laptop = await layoutOf(page);
  expect(laptop.scrollWidth, `${path}: page width at 1366 px`).toBeLessThanOrEqual(laptop.innerWidth);
  for (const table of laptop.tables) {
    expect(table.display, `${path}: a table on a laptop`).toBe('table');
    expect(table.headers, `${path}: column headers on a laptop`).toBeGreaterThan(0);
    for (const row of table.rows) expect(row.display).toBe('table-row');
  }
}

describe('lists on a phone and on a laptop', () => {
  const stamp = Date.now().toString(36);
  let school: Awaited<ReturnType<typeof personOf>>;
  let service: Awaited<ReturnType<typeof personOf>>;
  let schoolName: string;

  beforeAll(async () => {
    const admin = await adminToken();
    school = await personOf(schoolOrganisation(), 'Sara Smal');
    schoolName = school.organisation.name;
    service = await personOf(serviceOrganisation(`Thuiszorg Smal ${stamp}`), 'Hilde Smal');
    const supervisor = await call<Supervisor>(
      '/supervisors',
      { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart.begeleider@school.example' },
      school.accessToken,
    );
    // Long names and several periods: the cells that pushed the rows past a phone's edge.
    for (const i of [0, 1]) {
      await call(
        '/students',
        studentBody(
          supervisor.id,
          {
            programme: 'third_grade',
            firstName: 'Marie-Charlotte',
            lastName: `Vandenbroucke-Verstraeten ${i} ${stamp}`,
            nationalNumber: withCheckDigits(`85031501${i}`, false),
            email: `leerling${i}.${stamp}@leerling.example`,
            transport: ['bike', 'public_transport'],
          },
          {
            totalHours: 120,
            periods: [
              { start: '2026-10-05', end: '2026-10-30' },
              { start: '2027-02-01', end: '2027-02-26' },
            ],
          },
        ),
        school.accessToken,
      );
    }
    await call(
      '/contacts',
      { name: 'Mentor Marleen', phone: '050 11 22 33', email: 'marleen.mentor@dienst.example' },
      service.accessToken,
    );
    await put('/tracks/secondary/phase', { phase: 'all' }, admin);
  });

  it("the sector's lists", async () => {
    const page = await signIn(inject('admin').email, inject('admin').password);
    const errors = watchForErrors(page);
    await checkList(page, `/organisaties?q=${stamp}`, 'Organisaties');
    await checkList(page, `/organisaties/${service.organisation.id}`, service.organisation.name);
    await checkList(page, `/alle-leerlingen?school=${encodeURIComponent(schoolName)}`, 'Leerlingen');
    await checkList(page, '/auditlog', 'Auditlog');
    await checkList(page, '/kalender', 'Kalender');
    await checkList(page, '/rondes', 'Rondes');
    await checkList(page, '/overzicht', 'Overzicht');
    expect(errors).toEqual([]);
  });

  it('on a laptop the folded filters leave the list on the first screen; a long list pages', async () => {
    const admin = await adminToken();
    const tag = `Paginatest${stamp}`;
    for (let batch = 0; batch < 51; batch += 17) {
      await Promise.all(
        Array.from({ length: 17 }, (_, i) =>
          call(
            '/organisations',
            { ...serviceOrganisation(`${tag} ${batch + i}`), name: `${tag} ${batch + i}` },
            admin,
          ),
        ),
      );
    }
    const page = await signIn(inject('admin').email, inject('admin').password);
    const errors = watchForErrors(page);
    await page.setViewportSize(LAPTOP);
    await page.goto(`${inject('appUrl')}/organisaties`);
    const rows = page.locator('main tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    expect(await page.locator('details.filter-panel').getAttribute('open')).toBeNull();
    expect((await rows.first().boundingBox())?.y).toBeLessThan(LAPTOP.height);

    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Naam').fill(tag);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('51 organisaties, 50 getoond.');
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Meer organisaties tonen' }).click();
    await expect.poll(() => rows.count()).toBe(51);
    expect(await page.getByRole('status').textContent()).toBe('51 organisaties.');
    expect(await page.getByRole('button', { name: 'Meer organisaties tonen' }).count()).toBe(0);
    // Clearing the filter leaves the panel open and starts again at the first page.
    await page.getByLabel('Naam').fill('');
    await expect.poll(() => rows.count()).toBe(50);
    expect(await page.locator('details.filter-panel').getAttribute('open')).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it("the school's lists", async () => {
    const page = await signIn(school.email, school.password);
    const errors = watchForErrors(page);
    await checkList(page, '/leerlingen', 'Leerlingen');
    await checkList(page, '/begeleiders', 'Stagebegeleiders');
    expect(errors).toEqual([]);
  });

  it("the service's lists", async () => {
    const page = await signIn(service.email, service.password);
    const errors = watchForErrors(page);
    await checkList(page, `/stagevragen?school=${encodeURIComponent(schoolName)}`, 'Stagevragen');
    await checkList(page, '/contactpersonen', 'Contactpersonen');
    expect(errors).toEqual([]);
  });
});
