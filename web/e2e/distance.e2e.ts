import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
import type { Supervisor } from '#contract/people';
import { chromiumForThisFile, signedIn, watchForErrors } from './browser';
import {
  adminToken,
  call,
  personOf,
  put,
  schoolOrganisation,
  serviceOrganisation,
  studentBody,
} from './people';

/** A service in Brugge sees how far each student lives, sorts nearest first and keeps those within reach. */

const browser = chromiumForThisFile();
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const lastName = `Verweg${Date.now().toString(36)}`;
/** One offset for the file's national numbers: read per student, the clock could make two equal. */
const offset = Date.now() % 50;
let service: { email: string; password: string };

/** The first names of this file's students, in the order the list shows them. */
const names = async (page: Page) =>
  (await page.locator('main table tbody tr').filter({ hasText: lastName }).allTextContents()).map(
    (text) => /(Brugge|Gent|Hasselt)/.exec(text)?.[1] ?? text,
  );

beforeAll(async () => {
  const school = await personOf(schoolOrganisation(), 'Saskia Secretariaat');
  const supervisor = await call<Supervisor>(
    '/supervisors',
    { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
    school.accessToken,
  );
  const students = [
    ['Hasselt', '3500', 'limburg'],
    ['Gent', '9000', 'oost-vlaanderen'],
    ['Brugge', '8000', 'west-vlaanderen'],
  ] as const;
  for (const [i, [city, postcode, province]] of students.entries()) {
    await call(
      '/students',
      studentBody(supervisor.id, {
        firstName: city,
        lastName,
        nationalNumber: withCheckDigits(`850730${String(400 + i * 7 + offset).padStart(3, '0')}`, false),
        address: { street: 'Markt 3', postcode, city },
        province,
        transport: ['car'],
      }),
      school.accessToken,
    );
  }
  await put('/tracks/secondary/phase', { phase: 'all' }, await adminToken());
  service = await personOf(serviceOrganisation('Familiehulp Brugge'), 'Dirk Dienst');
});

describe('distance on the services list', () => {
  for (const [label, viewport] of [
    ['1366', LAPTOP],
    ['390', PHONE],
  ] as const) {
    it(`shows ca. km per row, sorts nearest first and filters within 50 km at ${label} px`, async () => {
      const page = await signedIn(browser(), service.email, service.password, { viewport });
      const errors = watchForErrors(page);
      await page.goto(`${inject('appUrl')}/stagevragen?name=${lastName}`);
      await expect.poll(() => names(page)).toHaveLength(3);
      const row = (city: string) =>
        page.locator('main table tbody tr').filter({ hasText: `${lastName} ${city}` });
      await expect.poll(() => row('Brugge').locator('[data-label="Afstand"]').textContent()).toBe('ca. 0 km');
      await expect
        .poll(() => row('Gent').locator('[data-label="Afstand"]').textContent())
        .toMatch(/^ca\. (38|39|40) km$/);

      await page.getByLabel('Sorteren').selectOption({ label: 'Dichtstbij eerst' });
      await expect.poll(() => names(page)).toEqual(['Brugge', 'Gent', 'Hasselt']);

      await page.getByLabel('Afstand').selectOption({ label: 'Binnen 50 km' });
      await expect.poll(() => names(page)).toEqual(['Brugge', 'Gent']);
      expect(page.url()).toContain('withinKm=50');

      await page.getByLabel('Afstand').selectOption({ label: 'Binnen 10 km' });
      await expect.poll(() => names(page)).toEqual(['Brugge']);

      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(viewport.width);
      mkdirSync('/tmp/school', { recursive: true });
      await page.getByLabel('Afstand').selectOption({ label: 'Alle afstanden' });
      await expect.poll(() => names(page)).toHaveLength(3);
      await page.screenshot({ path: `/tmp/school/distance-${label}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
