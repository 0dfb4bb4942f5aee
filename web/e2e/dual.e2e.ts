import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { withCheckDigits } from '#contract/national-number';
import type { Contact, Supervisor } from '#contract/people';
import { chromiumForThisFile, signedIn, watchForErrors } from './browser';
import { adminToken, call, personOf, put, schoolOrganisation, serviceOrganisation } from './people';

const browser = chromiumForThisFile();
const signIn = (email: string, password: string) => signedIn(browser(), email, password);

const row = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });
const statusControl = (page: Page, name: string) => row(page, name).getByRole('combobox');
const optionsOf = (page: Page, name: string) =>
  statusControl(page, name)
    .locator('option')
    .allTextContents()
    .then((o) => o.map((t) => t.trim()));

/** A dual student as a school enters them; `serial` keeps national numbers apart. */
const dualStudent = (supervisorId: string, lastName: string, serial: number) => ({
  track: 'dual',
  firstName: 'Jana',
  lastName,
  nationalNumber: withCheckDigits(`030412${String(serial).padStart(3, '0')}`, true),
  email: `${lastName.toLowerCase()}@leerling.example`,
  phone: '0470 12 34 56',
  address: { street: 'Markt 3', postcode: '8000', city: 'Brugge' },
  province: 'west-vlaanderen',
  transport: ['bike'],
  internship: {
    supervisorId,
    form: 'alternating',
    totalHours: 600,
    periods: [{ start: '2026-10-05', end: '2027-03-26' }],
    weekdays: ['monday', 'thursday'],
  },
});

describe('dual learning: invite, then accept', () => {
  it('two services invite the same student, the first accepts with a mentor who has room, the second is told', async () => {
    const school = await personOf(schoolOrganisation(['dual']), 'Dirk Duaal');
    const supervisor = await call<Supervisor>(
      '/supervisors',
      { name: 'Begeleider Bea', phone: '050 12 34 56', email: 'bea@school.example' },
      school.accessToken,
    );
    const tag = Date.now().toString(36);
    const enter = (lastName: string, serial: number) =>
      call<{ id: string }>('/students', dualStudent(supervisor.id, lastName, serial), school.accessToken);
    const lastName = `Duaal${tag}`;
    const student = await enter(lastName, 101);
    const admin = await adminToken();
    await put('/tracks/dual/phase', { phase: 'all' }, admin);

    const [first, second] = await Promise.all([
      personOf(serviceOrganisation('Familiehulp Oostende'), 'Hanne Eerst'),
      personOf(serviceOrganisation('Thuiszorg Knokke'), 'Tim Tweede'),
    ]);
    // The first service (social profit) has a mentor who is full and one with room.
    const fullMentor = await call<Contact>(
      '/contacts',
      { name: 'Mentor Vol', phone: '050 11 22 33', email: 'vol@dienst.example' },
      first.accessToken,
    );
    await call(
      '/contacts',
      { name: 'Mentor Vrij', phone: '050 11 22 44', email: 'vrij@dienst.example' },
      first.accessToken,
    );
    for (const serial of [102, 103]) {
      const other = await enter(`Ander${tag}${serial}`, serial);
      await put(`/requests/${other.id}/decision`, { status: 'invited' }, first.accessToken);
      await put(
        `/requests/${other.id}/decision`,
        { status: 'accepted', contactId: fullMentor.id, notes: '' },
        first.accessToken,
      );
    }
    await call(
      '/contacts',
      { name: 'Mentor Tweede', phone: '050 11 22 55', email: 'm2@dienst.example' },
      second.accessToken,
    );

    const pages = await Promise.all([
      signIn(first.email, first.password),
      signIn(second.email, second.password),
    ]);
    const errors = pages.map(watchForErrors);
    for (const page of pages) {
      await page.goto(`${inject('appUrl')}/stagevragen?track=dual&name=${lastName}`);
      await expect.poll(() => row(page, lastName).count()).toBe(1);
      expect(await page.getByRole('tab', { name: 'Duaal leren' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.getByRole('tab', { name: 'Zonder werkplek' }).count()).toBe(1);
      // At first: only undecided, invited, not invited; accepting is not offered yet.
      expect(await optionsOf(page, lastName)).toEqual([
        'Nog niet beslist',
        'Uitgenodigd',
        'Niet uitgenodigd',
      ]);
      expect(await row(page, lastName).getByRole('button', { name: 'Aanvaarden' }).count()).toBe(0);
      await row(page, lastName).getByRole('button', { name: 'Meer info' }).click();
      await expect.poll(() => page.getByText('maandag, donderdag').count()).toBe(1);
      expect(await page.getByText('Zichtbaar zodra je dienst de leerling uitnodigt').count()).toBe(1);

      // The invitation reveals the personal data.
      await statusControl(page, lastName).selectOption({ label: 'Uitgenodigd' });
      await expect.poll(() => page.getByText(`${lastName.toLowerCase()}@leerling.example`).count()).toBe(1);
      await expect
        .poll(() => optionsOf(page, lastName))
        .toEqual(['Uitgenodigd', 'Nog niet beslist', 'Niet aanvaard', 'Niet opgedaagd/gestopt']);
    }

    const [winner, loser] = pages as [Page, Page];
    await expect
      .poll(() => winner.getByRole('status', { name: 'Tellers per status' }).textContent())
      .toMatch(/1 uitgenodigd/);
    await row(winner, lastName).getByRole('button', { name: 'Aanvaarden' }).click();
    const dialog = winner.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // The full mentor is offered greyed, with the reason; the one with room can be chosen.
    expect(await dialog.locator('option', { hasText: 'Mentor Vol' }).isDisabled()).toBe(true);
    expect(await dialog.getByText(/Grijs: Mentor Vol begeleidt al het maximum/).count()).toBe(1);
    expect(await dialog.getByText('Periodes bij jouw dienst').count()).toBe(0);
    await dialog.getByLabel('Mentor').selectOption({ label: 'Mentor Vrij — nog 2 plaatsen vrij' });
    await dialog.getByLabel('Notities voor de school').fill('Start op maandag 5 oktober.');
    await winner.screenshot({ path: '/tmp/dual-shots/dialog-1366.png' });

    await row(loser, lastName).getByRole('button', { name: 'Aanvaarden' }).click();
    await expect.poll(() => loser.getByRole('dialog').isVisible()).toBe(true);
    await loser.getByRole('dialog').getByLabel('Mentor').selectOption({ index: 1 });

    await winner.getByRole('button', { name: 'Definitief aanvaarden' }).click();
    await expect
      .poll(() => winner.getByText(`Jana ${lastName} is aanvaard.`, { exact: false }).count())
      .toBe(1);
    await expect
      .poll(() => winner.getByRole('status', { name: 'Tellers per status' }).textContent())
      .toBe('3 aanvaard');
    await winner.setViewportSize({ width: 1366, height: 900 });
    await winner.screenshot({ path: '/tmp/dual-shots/service-1366.png', fullPage: true });
    await winner.setViewportSize({ width: 390, height: 844 });
    await winner.screenshot({ path: '/tmp/dual-shots/service-390.png', fullPage: true });
    await loser.getByRole('button', { name: 'Definitief aanvaarden' }).click();
    await expect
      .poll(() => loser.getByRole('alert').first().textContent())
      .toBe('Deze leerling werd net door een andere dienst geplaatst en staat niet meer in je lijst.');

    // The school sees both invitations and the workplace with mentor and notes.
    const schoolPage = await signIn(school.email, school.password);
    await schoolPage.goto(`${inject('appUrl')}/leerlingen/${student.id}`);
    await expect.poll(() => schoolPage.getByText('Start op maandag 5 oktober.').count()).toBe(1);
    expect(await schoolPage.getByText(/Mentor Vrij/).count()).toBeGreaterThan(0);
    const invitations = schoolPage.getByRole('region', { name: 'Uitnodigingen voor een gesprek' });
    expect(await invitations.getByRole('row').count()).toBe(3);
    expect(await invitations.getByText('Aanvaard', { exact: true }).count()).toBe(1);

    for (const e of errors) expect(e.filter((m) => !/status of 409/.test(m))).toEqual([]);
    await schoolPage.screenshot({ path: '/tmp/dual-shots/school-1366.png', fullPage: true });
  });
});

describe('the training contract', () => {
  it("is recorded by the service on the accepted learner, and its end frees the mentor's place", async () => {
    const school = await personOf(schoolOrganisation(['dual']), 'Dirk Duaal');
    const supervisor = await call<Supervisor>(
      '/supervisors',
      { name: 'Begeleider Bea', phone: '050 12 34 56', email: 'bea@school.example' },
      school.accessToken,
    );
    await put('/tracks/dual/phase', { phase: 'all' }, await adminToken());
    const service = await personOf(serviceOrganisation('Familiehulp Tielt'), 'Hanne Contract');
    const mentor = await call<Contact>(
      '/contacts',
      { name: 'Mentor Marie', phone: '050 11 22 33', email: 'marie@dienst.example' },
      service.accessToken,
    );
    const tag = Date.now().toString(36);
    const names = [`Contract${tag}a`, `Contract${tag}b`];
    for (const [i, lastName] of names.entries()) {
      const s = await call<{ id: string }>(
        '/students',
        dualStudent(supervisor.id, lastName, 200 + i),
        school.accessToken,
      );
      await put(`/requests/${s.id}/decision`, { status: 'invited' }, service.accessToken);
      await put(
        `/requests/${s.id}/decision`,
        { status: 'accepted', contactId: mentor.id, notes: '' },
        service.accessToken,
      );
    }

    const page = await signIn(service.email, service.password);
    const errors = watchForErrors(page);
    await page.goto(`${inject('appUrl')}/contactpersonen`);
    await expect.poll(() => page.getByRole('row', { name: /Mentor Marie/ }).textContent()).toContain('vol');

    await page.goto(`${inject('appUrl')}/stagevragen?track=dual&tab=accepted&name=${names[0]}`);
    await row(page, names[0]!).getByRole('button', { name: 'Meer info' }).click();
    const contract = page.getByRole('region', { name: 'Overeenkomst alternerende opleiding' });
    await expect.poll(() => contract.getByText('Nog niet ingevuld.').count()).toBe(1);
    // An end before the start is refused next to the field.
    await contract.getByLabel('Begindatum').fill('2026-10-05');
    await contract.getByLabel('Einddatum').fill('2026-09-01');
    await contract.getByRole('button', { name: 'Overeenkomst bewaren' }).click();
    await expect
      .poll(() => contract.locator('.field-error').textContent())
      .toBe('De einddatum ligt vóór de begindatum.');
    // Ended yesterday: saved, and the mentor has a place again.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'Europe/Brussels',
    });
    await contract.getByLabel('Einddatum').fill(yesterday);
    await contract.getByRole('button', { name: 'Overeenkomst bewaren' }).click();
    await expect.poll(() => contract.getByRole('status').textContent()).toBe('De overeenkomst is bewaard.');
    await expect.poll(() => contract.getByText(/Loopt van 5 oktober 2026 tot en met/).count()).toBe(1);

    await page.goto(`${inject('appUrl')}/contactpersonen`);
    await expect
      .poll(() => page.getByRole('row', { name: /Mentor Marie/ }).textContent())
      .toContain('1 van max. 2');
    expect(errors.filter((m) => !/status of 400/.test(m))).toEqual([]);
  });
});
