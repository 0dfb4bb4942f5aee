import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
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

const browser = chromiumForThisFile();
const signIn = (email: string, password: string) => signedIn(browser(), email, password);

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

describe('two services and one student', () => {
  it('the first to accept wins; the second is told clearly and the row disappears', async () => {
    // A school with one student, and two services with a contact person each, all through the API.
    const school = await personOf(schoolOrganisation(), 'Sara Secretariaat');
    const supervisor = await call<Supervisor>(
      '/supervisors',
      { name: 'Begeleider Bart', phone: '050 12 34 56', email: 'bart@school.example' },
      school.accessToken,
    );
    const lastName = `Race${Date.now().toString(36)}`;
    await call(
      '/students',
      studentBody(supervisor.id, { lastName, nationalNumber: '85073003328' }),
      school.accessToken,
    );
    await put('/tracks/secondary/phase', { phase: 'all' }, await adminToken());
    const [first, second] = await Promise.all([
      personOf(serviceOrganisation('Familiehulp Brugge'), 'Hilde Eerst'),
      personOf(serviceOrganisation('Thuiszorg Damme'), 'Tom Tweede'),
    ]);
    for (const svc of [first, second]) {
      await call(
        '/contacts',
        {
          name: `Mentor van ${svc.organisation.name}`,
          phone: '050 11 22 33',
          email: 'mentor@dienst.example',
        },
        svc.accessToken,
      );
    }

    const pages = await Promise.all([
      signIn(first.email, first.password),
      signIn(second.email, second.password),
    ]);
    const errors = pages.map(watchForErrors);
    for (const page of pages) {
      await page.goto(`${inject('appUrl')}/stagevragen?name=${lastName}`);
      await expect.poll(() => row(page, lastName).count()).toBe(1);
      // Before acceptance: no personal data behind "meer info".
      await row(page, lastName).getByRole('button', { name: 'Meer info' }).click();
      await expect
        .poll(() => page.getByText('Zichtbaar nadat je dienst de leerling aanvaardde.').count())
        .toBe(1);
      expect(await page.getByText('85.07.30-033.28').count()).toBe(0);
      // Where the student lives, to judge the distance: postcode and town, not the street.
      expect(await row(page, lastName).textContent()).toContain('8000 Brugge');
      expect(await page.getByText('Markt 3').count()).toBe(0);
      await row(page, lastName).getByRole('button', { name: 'Aanvaarden' }).click();
      await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
      expect(await page.getByRole('dialog').textContent()).toContain('definitief');
      await page.getByRole('dialog').getByLabel('Contactpersoon').selectOption({ index: 1 });
    }

    const [winner, loser] = pages as [Page, Page];
    await winner.getByRole('button', { name: 'Definitief aanvaarden' }).click();
    await expect.poll(() => winner.getByRole('status').first().textContent()).toContain('is aanvaard');
    await expect.poll(() => row(winner, lastName).count()).toBe(0);

    await loser.getByRole('button', { name: 'Definitief aanvaarden' }).click();
    await expect
      .poll(() => loser.getByRole('alert').first().textContent())
      .toBe('Deze leerling werd net door een andere dienst geplaatst en staat niet meer in je lijst.');
    expect(await loser.getByRole('dialog').count()).toBe(0);
    expect(await row(loser, lastName).count()).toBe(0);

    // The winner finds the student under "Aanvaard door ons", now with the personal data.
    await winner.getByRole('tab', { name: 'Aanvaard door ons' }).click();
    await expect.poll(() => row(winner, lastName).count()).toBe(1);
    await row(winner, lastName).getByRole('button', { name: 'Meer info' }).click();
    await expect.poll(() => winner.getByText('85.07.30-033.28').count()).toBe(1);
    expect(await winner.getByText('Markt 3, 8000 Brugge').count()).toBe(1);

    // The 409 was the point of the test; anything else in either console is a bug.
    for (const e of errors) expect(e.filter((m) => !/status of 409/.test(m))).toEqual([]);
  });
});
