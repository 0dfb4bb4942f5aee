import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack';
import { validStudent } from '../../tests/integration/helpers/students';
import { createTestUser, type TestUser } from '../../tests/integration/helpers/users';
import { chromiumForThisFile, heading, openFromMenu, watchForErrors } from './browser';
import { startBrowserStack } from './browser-stack';

/**
 * An archived year in the browser. It needs a year of its own to archive, so this file runs its own
 * local stack (own emulators, own registry) instead of the shared one.
 */
const browser = chromiumForThisFile();
const dataDir = mkdtempSync(join(tmpdir(), 'stagematching-archived-'));
let stack: LocalStack;
let school: TestUser;
let service: TestUser;
let admin: TestUser;

async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.appUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

let errors: string[] = [];

async function signIn(email: string, password: string, width: number): Promise<Page> {
  const context = await browser().newContext({ viewport: { width, height: 900 }, locale: 'nl-BE' });
  const page = await context.newPage();
  errors = watchForErrors(page);
  await page.goto(`${stack.appUrl}/aanmelden`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect.poll(() => heading(page)).toMatch(/^Welkom/);
  return page;
}

beforeAll(async () => {
  stack = await startBrowserStack(dataDir);
  school = await createTestUser({ role: 'school' });
  service = await createTestUser({ role: 'service' });
  admin = await createTestUser({ role: 'admin' });

  // A year with a supervisor and a student, then archived by the sector.
  const schoolToken = school.accessToken;
  const supervisor = await api(schoolToken, 'POST', '/supervisors', {
    name: 'Mevrouw Archief',
    phone: '050 12 34 56',
    email: 'archief@school.example',
  });
  expect(supervisor.status).toBe(201);
  const student = await api(
    schoolToken,
    'POST',
    '/students',
    validStudent(String(supervisor.body.id), { firstName: 'Jana', lastName: 'Geschiedenis' }),
  );
  expect(student.status, JSON.stringify(student.body)).toBe(201);
  const archived = await api(admin.accessToken, 'PUT', '/school-years/2026-2027', {
    status: 'archived',
  });
  expect(archived.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('an archived school year, as its school, its service and the sector see it', () => {
  for (const width of [1366, 390]) {
    it(`shows the school its history without anything to add or change (${width} px)`, async () => {
      const page = await signIn(school.email, school.password, width);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'is gearchiveerd' }).count())
        .toBe(1);
      expect(await page.getByRole('link', { name: 'Leerling toevoegen' }).count()).toBe(0);

      await page.goto(`${stack.appUrl}/leerlingen`);
      await expect.poll(() => page.getByRole('link', { name: 'Geschiedenis Jana' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Importeren uit Excel' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Exporteer' }).count()).toBe(1);

      await page.getByRole('link', { name: 'Geschiedenis Jana' }).click();
      await expect.poll(() => heading(page)).toBe('Jana Geschiedenis');
      expect(await page.getByRole('link', { name: 'Gegevens wijzigen' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Verwijderen|gestopt/ }).count()).toBe(0);

      // Typed in by hand, the form's address says why there is nothing to fill in.
      await page.goto(`${stack.appUrl}/leerlingen/nieuw`);
      await expect.poll(() => heading(page)).toBe('Alleen lezen');
      expect(await page.getByLabel('Voornaam').count()).toBe(0);

      await page.goto(`${stack.appUrl}/begeleiders`);
      await expect.poll(() => page.getByText('Mevrouw Archief').count()).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Begeleider toevoegen' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Wijzigen' }).count()).toBe(0);
      await page.screenshot({ path: join(tmpdir(), `archived-year-school-${width}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('shows the service its year without a decision to take', async () => {
    const page = await signIn(service.email, service.password, 1366);
    await page.goto(`${stack.appUrl}/contactpersonen`);
    await expect.poll(() => heading(page)).toBe('Contactpersonen');
    expect(await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).count()).toBe(0);
    await page.goto(`${stack.appUrl}/stagevragen`);
    await expect.poll(() => page.getByText('Geschiedenis').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Aanvaarden' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: /^Status van/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the sector the year to read and export, without its set-up to change', async () => {
    const page = await signIn(admin.email, admin.password, 1366);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    // What only changes things is not in the menu: an import, a mailing.
    await menu.getByRole('button', { name: /^Beheer/ }).click();
    expect(await menu.getByRole('link', { name: 'Importeren', exact: true }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Mailing', exact: true }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Auditlog', exact: true }).count()).toBe(1);

    await openFromMenu(page, 'Kalender');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
    expect(await page.getByRole('button', { name: 'Ronde toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Wijzig / }).count()).toBe(0);

    await openFromMenu(page, 'Leerlingen');
    await expect.poll(() => page.getByText('Geschiedenis').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Exporteer' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
