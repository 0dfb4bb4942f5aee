import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
import type { Supervisor } from '#contract/people';
import { chromiumForThisFile, heading, openFromMenu, signedIn, watchForErrors } from './browser';
import { call, personOf, schoolOrganisation, studentBody } from './people';

const browser = chromiumForThisFile();
const SHOTS = '/tmp/coord';
mkdirSync(SHOTS, { recursive: true });

/** A school with one secondary student who wants an internship in `province`. */
async function studentIn(province: string, postcode: string, lastName: string, n: number) {
  const school = await personOf(schoolOrganisation(), `Secretariaat ${lastName}`);
  const supervisor = await call<Supervisor>(
    '/supervisors',
    { name: 'Begeleider Bert', phone: '050 12 34 56', email: 'bert@school.example' },
    school.accessToken,
  );
  await call(
    '/students',
    studentBody(
      supervisor.id,
      {
        lastName,
        nationalNumber: withCheckDigits(`9002020${10 + n}`, false),
        address: { street: 'Markt 3', postcode, city: 'Ergens' },
        province,
      },
      { periods: [{ start: '2027-01-11', end: '2027-02-05' }] },
    ),
    school.accessToken,
  );
  return school;
}

/** The row headers of the dashboard's table per province. */
const provinceRows = (page: import('playwright-core').Page) =>
  page.locator('.figures-table tbody th[scope="row"]').allTextContents();

describe('a regional team', () => {
  it('sees a dashboard of its provinces only, named beside the title, at 1366 and 390 px', async () => {
    const suffix = Date.now().toString(36);
    await studentIn('limburg', '3500', `Regio${suffix}`, 1);
    await studentIn('antwerpen', '2000', `Elders${suffix}`, 2);
    const coordinator = await personOf(
      {
        type: 'admin',
        name: `Regio Limburg ${suffix}`,
        email: 'limburg@vivo.example',
        provinces: ['limburg'],
      },
      'Rita Regio',
    );
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      let errors: string[] = [];
      const page = await signedIn(browser(), coordinator.email, coordinator.password, { viewport }, (p) => {
        errors = watchForErrors(p);
      });
      await openFromMenu(page, 'Overzicht');
      await expect.poll(() => heading(page)).toContain('Regio: Limburg');
      await expect.poll(() => provinceRows(page)).toEqual(['Limburg']);
      // The whole sector's settings are not in its menu (the server refuses them too).
      expect(await page.getByRole('link', { name: 'Kalender' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Herberekenen' }).count()).toBe(0);
      await page.screenshot({ path: `${SHOTS}/dashboard-${viewport.width}.png`, fullPage: true });

      await openFromMenu(page, 'Leerlingen');
      await expect.poll(() => page.getByText(`Regio${suffix}`).count()).toBeGreaterThan(0);
      expect(await page.getByText(`Elders${suffix}`).count()).toBe(0);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it("is set up by the national team in the organisation form, with the team's provinces", async () => {
    const page = await signedIn(browser(), inject('admin').email, inject('admin').password, {
      viewport: { width: 1366, height: 900 },
    });
    await page.goto(`${inject('appUrl')}/organisaties/nieuw`);
    await page.getByLabel('Beheerteam van de sector (nationaal of regionaal)').check();
    const name = `Regio West ${Date.now().toString(36)}`;
    await page.getByLabel('Naam').fill(name);
    await page.getByLabel('Algemeen e-mailadres').fill('west@vivo.example');
    await page.getByLabel('West-Vlaanderen').check();
    await page.getByLabel('Oost-Vlaanderen').check();
    await page.screenshot({ path: `${SHOTS}/team-form-1366.png`, fullPage: true });
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect.poll(() => heading(page)).toBe(name);
    await page.screenshot({ path: `${SHOTS}/team-page-1366.png`, fullPage: true });
    await expect.poll(() => page.getByLabel('West-Vlaanderen').isChecked()).toBe(true);
    expect(await page.getByLabel('Antwerpen').isChecked()).toBe(false);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/team-page-390.png`, fullPage: true });
    await page.context().close();
  });
});
