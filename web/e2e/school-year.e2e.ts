import { describe, expect, inject, it } from 'vitest';
import type { Round } from '#contract/school-year';
import { brusselsWall } from '#kernel/time';
import { chromiumForThisFile, heading, openFromMenu, signedIn, watchForErrors } from './browser';
import { adminToken, call } from './people';

const browser = chromiumForThisFile();

describe('the calendar', () => {
  it('the admin edits a round on the Kalender page and the start page timeline shows it', async () => {
    const stamp = Date.now().toString(36);
    const round = await call<Round>(
      '/school-year/rounds',
      {
        track: 'adult',
        kind: 'all',
        name: `Venster ${stamp}`,
        opensAt: '2027-06-10T12:00',
        closesAt: '2027-06-20T12:00',
        staysOpen: false,
        internship: { from: '2031-01-01', to: '2031-03-31' },
      },
      await adminToken(),
    );

    const page = await (await browser().newContext()).newPage();
    const errors = watchForErrors(page);
    await page.goto(`${inject('appUrl')}/aanmelden`);
    await page.getByLabel('E-mailadres').fill(inject('admin').email);
    await page.getByLabel('Wachtwoord').fill(inject('admin').password);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Welkom/);

    await openFromMenu(page, 'Kalender');
    await expect.poll(() => heading(page)).toBe('Kalender');
    await page.getByRole('button', { name: `Wijzig Venster ${stamp}` }).click();
    const form = page.getByRole('form', { name: 'Ronde' });
    // A close before the open is refused next to the field, and nothing changes.
    await form.getByLabel('Einde (Brussel)').fill('2027-06-01T12:00');
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents())
      .toEqual(['Het einde moet na het begin liggen.']);
    await form.getByLabel('Naam').fill(`Zomervenster ${stamp}`);
    await form.getByLabel('Einde (Brussel)').fill('2027-06-25T17:30');
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect.poll(() => page.getByText(`"Zomervenster ${stamp}" is bewaard.`).count()).toBe(1);

    await page.getByRole('link', { name: 'Start' }).click();
    const line = page.locator(`.timeline-round[data-round="${round.id}"]`);
    await expect.poll(() => line.textContent()).toContain(`Zomervenster ${stamp}`);
    expect(await line.textContent()).toContain('25/06/2027, 17:30');
    expect(await page.getByRole('link', { name: 'Zet in je agenda' }).getAttribute('href')).toBe(
      '/api/school-year/calendar.ics',
    );
    // The refused save above answered 400 on purpose; anything else (a CSP violation) counts.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });

  it('a round past its target date that stays open says so, on the Kalender and the start page, with dates as dd/mm/yyyy', async () => {
    const token = await adminToken();
    const stamp = Date.now().toString(36);
    const daysFromNow = (days: number) => brusselsWall(new Date(Date.now() + days * 86_400_000));
    const round = (body: Partial<Round>) =>
      call<Round>('/school-year/rounds', { track: 'adult', kind: 'all', ...body }, token);
    // Its target date passed ten days ago; it stays open and no later round of its scope opened.
    const lasting = await round({
      name: `Blijvend ${stamp}`,
      opensAt: daysFromNow(-20),
      closesAt: daysFromNow(-10),
      staysOpen: true,
      internship: { from: '2033-01-01', to: '2033-03-31' },
    });
    // Also stayed open, until the next round of its scope opened: over.
    const superseded = await round({
      name: `Opgevolgd ${stamp}`,
      opensAt: daysFromNow(-20),
      closesAt: daysFromNow(-15),
      staysOpen: true,
      internship: { from: '2034-01-01', to: '2034-03-31' },
    });
    await round({
      name: `Opvolger ${stamp}`,
      opensAt: daysFromNow(-12),
      closesAt: daysFromNow(10),
      staysOpen: false,
      internship: { from: '2034-01-01', to: '2034-03-31' },
    });

    const page = await signedIn(browser(), inject('admin').email, inject('admin').password);
    const errors = watchForErrors(page);
    const lastingLine = page.locator(`.timeline-round[data-round="${lasting.id}"]`);
    await expect.poll(() => lastingLine.textContent()).toContain(`Blijvend ${stamp}`);
    expect(await lastingLine.textContent()).toMatch(/streefdatum voorbij — blijft open/i);
    expect(await lastingLine.textContent()).not.toContain('Afgelopen');
    expect(await page.locator(`.timeline-round[data-round="${superseded.id}"]`).textContent()).toContain(
      'Afgelopen',
    );

    await openFromMenu(page, 'Kalender');
    await expect.poll(() => heading(page)).toBe('Kalender');
    const row = page.locator(`tr[data-round="${lasting.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[data-label="Nu"]').textContent()).toMatch(
      /^streefdatum voorbij — blijft open$/i,
    );
    expect(await row.textContent()).not.toContain('Afgelopen');
    expect(await row.textContent()).toContain('eerste periode 01/01/2033 – 31/03/2033');
    expect(await page.locator(`tr[data-round="${superseded.id}"] [data-label="Nu"]`).textContent()).toBe(
      'Afgelopen',
    );
    // No ISO dates anywhere on the page: dd/mm/yyyy, as everywhere else.
    const table = await page.getByRole('region', { name: 'Rondes' }).textContent();
    expect(table).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await row.locator('[data-label="Einde"]').textContent()).toContain(
      daysFromNow(-10).slice(0, 10).split('-').reverse().join('/'),
    );

    // The Rondes page agrees: services still see every student of that window.
    await openFromMenu(page, 'Rondes');
    await expect.poll(() => heading(page)).toBe('Rondes');
    await expect
      .poll(() => page.getByText('Eerste periode 01/01/2033 – 31/03/2033:').textContent())
      .toContain('Alle leerlingen');
    expect(errors).toEqual([]);
    await page.close();
  });
});
