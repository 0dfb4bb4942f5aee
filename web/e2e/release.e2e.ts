import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
import type { Supervisor } from '#contract/people';
import type { StudentDetail } from '#contract/students-responses';
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

const WIDTHS = [
  { name: 'laptop', viewport: { width: 1366, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
const SHOTS = '/tmp/release';

const suffix = Date.now().toString(36);
let school: Awaited<ReturnType<typeof personOf>>;
let supervisorId: string;
let serial = Math.floor(Math.random() * 400) + 10;

async function enter(lastName: string, nationalNumber?: string, by = school) {
  serial += 2;
  return call<StudentDetail>(
    '/students',
    studentBody(
      by === school ? supervisorId : await supervisorOf(by),
      {
        track: 'adult',
        lastName,
        nationalNumber: nationalNumber ?? withCheckDigits(`850303${String(serial).padStart(3, '0')}`, false),
      },
      { periods: [{ start: '2027-01-11', end: '2027-02-05' }] },
    ),
    by.accessToken,
  );
}

/** A student of this file's school, accepted by a new service with its mentor. */
async function placedBy(serviceName: string, personName: string, lastName: string) {
  const student = await enter(lastName);
  const service = await personOf(serviceOrganisation(serviceName), personName);
  const contact = await call<{ id: string }>(
    '/contacts',
    { name: 'Mentor Mia', phone: '09 11 22 33', email: 'mia@dienst.example' },
    service.accessToken,
  );
  await put(
    `/requests/${student.id}/decision`,
    { status: 'accepted', contactId: contact.id, periods: [0] },
    service.accessToken,
  );
  return { student, service };
}

async function supervisorOf(person: Awaited<ReturnType<typeof personOf>>) {
  const supervisor = await call<Supervisor>(
    '/supervisors',
    { name: 'Begeleider Bert', phone: '050 12 34 56', email: 'bert@school.example' },
    person.accessToken,
  );
  return supervisor.id;
}

async function adminIn(viewport: { width: number; height: number }) {
  let errors: string[] = [];
  const page = await signedIn(
    browser(),
    inject('admin').email,
    inject('admin').password,
    { viewport },
    (p) => {
      errors = watchForErrors(p);
    },
  );
  return { page, errors: () => errors };
}

/** No sideways scrolling: the page fits the screen it is shown on. */
const fits = async (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  school = await personOf(schoolOrganisation(['adult']), 'Sara School');
  supervisorId = await supervisorOf(school);
  await put('/tracks/adult/phase', { phase: 'all' }, await adminToken());
});

describe('releasing a placement', () => {
  for (const { name, viewport } of WIDTHS) {
    it(`asks for a reason, then puts the student back without a place (${name})`, async () => {
      const { student } = await placedBy('Thuiszorg Vrij', 'Vera Vrij', `Vrij-${suffix}-${name}`);

      const { page, errors } = await adminIn(viewport);
      await page.goto(`${inject('appUrl')}/alle-leerlingen/${student.id}`);
      await expect.poll(() => heading(page)).toBe(`Lotte Vrij-${suffix}-${name}`);
      await page.getByRole('button', { name: 'Plaatsing vrijgeven' }).click();
      const dialog = page.getByRole('dialog');
      await expect
        .poll(() => dialog.getByRole('heading').textContent())
        .toMatch(/Plaatsing van .* vrijgeven/);

      // Without a reason the server says what is missing, under the field.
      await dialog.getByRole('button', { name: 'Plaatsing vrijgeven' }).click();
      await expect.poll(() => dialog.locator('.field-error').textContent()).toMatch(/^Geef de reden/);
      await page.screenshot({ path: `${SHOTS}/release-dialog-${name}.png`, fullPage: false });
      expect(await fits(page)).toBe(true);

      await dialog.getByLabel('Reden').fill('De dienst sluit haar team in Brugge.');
      await dialog.getByRole('button', { name: 'Plaatsing vrijgeven' }).click();
      await expect.poll(() => page.locator('.page-head .badge').textContent()).toBe('Nog geen plaats');
      await expect.poll(() => page.getByText('Reden: De dienst sluit haar team in Brugge.').count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Plaatsing', exact: true }).count()).toBe(0);
      await page.screenshot({ path: `${SHOTS}/released-${name}.png`, fullPage: true });
      // The one refusal is the empty reason's 400, on purpose.
      expect(errors().filter((e) => !e.includes('status of 400'))).toEqual([]);
    });
  }
});

describe("the all-students page's export", () => {
  for (const { name, viewport } of WIDTHS) {
    it(`downloads the rows the filters show, with the status counts (${name})`, async () => {
      const last = `Lijst${suffix}${name}`;
      await enter(`${last}a`);
      await enter(`${last}b`);
      const { page, errors } = await adminIn(viewport);
      await page.goto(`${inject('appUrl')}/alle-leerlingen?name=${last}`);
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('2 leerlingen.');
      await page.screenshot({ path: `${SHOTS}/all-students-${name}.png`, fullPage: false });

      await page.getByRole('button', { name: 'Exporteer' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'CSV (Excel)' }).click(),
      ]);
      const text = (await readFile(await download.path())).toString('utf8').slice(1);
      const [header, ...rows] = text
        .split('\r\n')
        .filter(Boolean)
        .map((line) => line.split(';'));
      expect(rows.map((r) => r[1]).sort()).toEqual([`${last}a`, `${last}b`]);
      expect(header).toContain('Aantal keer aanvaard');
      expect(await fits(page)).toBe(true);
      expect(errors()).toEqual([]);
    });
  }
});

describe('the notices page', () => {
  for (const { name, viewport } of WIDTHS) {
    it(`shows both schools, links to each student, and marks a notice handled (${name})`, async () => {
      const other = await personOf(schoolOrganisation(['adult']), 'Olga Ander');
      serial += 2;
      const number = withCheckDigits(`850404${String(serial).padStart(3, '0')}`, false);
      const first = await enter(`Dubbel${suffix}${name}`, number);
      const second = await enter(`Dubbel${suffix}${name}`, number, other);

      const { page, errors } = await adminIn(viewport);
      await page.goto(`${inject('appUrl')}/meldingen`);
      await expect.poll(() => heading(page)).toBe('Meldingen');
      const row = page.locator('tbody tr', { has: page.locator(`a[href="/alle-leerlingen/${second.id}"]`) });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain(other.organisation.name);
      const link = row.getByRole('link', { name: `Leerling bij ${school.organisation.name}` });
      expect(await link.getAttribute('href')).toBe(`/alle-leerlingen/${first.id}`);
      expect(await fits(page)).toBe(true);
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/notices-${name}.png`, fullPage: false });

      await row.getByRole('button', { name: 'Behandeld' }).click();
      await expect.poll(() => row.locator('.badge').textContent()).toBe('Behandeld');
      await link.click();
      await expect.poll(() => heading(page)).toBe(`Lotte Dubbel${suffix}${name}`);
      expect(errors()).toEqual([]);
    });
  }
});

describe("a service's request to release", () => {
  for (const { name, viewport } of WIDTHS) {
    it(`is asked from the student's page and lands on the sector's dashboard (${name})`, async () => {
      const { service } = await placedBy('Thuiszorg Weg', 'Wout Weg', `Weg-${suffix}-${name}`);
      let errors: string[] = [];
      const page = await signedIn(browser(), service.email, service.password, { viewport }, (p) => {
        errors = watchForErrors(p);
      });
      await page.goto(`${inject('appUrl')}/stagevragen?track=adult&tab=accepted`);
      const row = page.getByRole('row', { name: new RegExp(`Weg-${suffix}-${name}`) });
      await expect.poll(() => row.count()).toBe(1);
      await row.getByRole('button', { name: 'Meer info' }).click();
      await page
        .getByRole('button', { name: 'Plaatsing valt weg — vraag de sector om ze vrij te geven' })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Reden').fill('Ons team in Brugge stopt in januari.');
      await page.screenshot({ path: `${SHOTS}/service-request-${name}.png`, fullPage: false });
      expect(await fits(page)).toBe(true);
      await dialog.getByRole('button', { name: 'Vraag versturen' }).click();
      await expect
        .poll(() => page.getByText(/Je vroeg de sector op .* om deze plaatsing vrij te geven/).count())
        .toBe(1);
      expect(errors).toEqual([]);

      const admin = await adminIn(viewport);
      await admin.page.goto(`${inject('appUrl')}/overzicht`);
      const toAnswer = admin.page.locator('section', {
        has: admin.page.getByRole('heading', { name: /^Te doen/ }),
      });
      await expect
        .poll(() => toAnswer.getByRole('link', { name: `Lotte Weg-${suffix}-${name}` }).count())
        .toBe(1);
      expect(await toAnswer.textContent()).toContain('Ons team in Brugge stopt in januari.');
      await expect.poll(() => admin.page.getByRole('heading', { name: 'Evaluaties' }).count()).toBe(1);
      expect(await fits(admin.page)).toBe(true);
      await admin.page.screenshot({
        path: `${SHOTS}/dashboard-release-requests-${name}.png`,
        fullPage: true,
      });
      await toAnswer.getByRole('link', { name: `Lotte Weg-${suffix}-${name}` }).click();
      await expect
        .poll(() => admin.page.getByRole('button', { name: 'Goedkeuren: plaatsing vrijgeven' }).count())
        .toBe(1);
      expect(admin.errors()).toEqual([]);
    });
  }
});
