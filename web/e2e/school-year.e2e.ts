import { describe, expect, inject, it } from 'vitest';
import type { Round } from '#contract/school-year';
import { chromiumForThisFile, heading, watchForErrors } from './browser';
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

    await page.getByRole('link', { name: 'Kalender' }).click();
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
    expect(await line.textContent()).toContain('25 jun 2027, 17:30');
    expect(await page.getByRole('link', { name: 'Zet in je agenda' }).getAttribute('href')).toBe(
      '/api/school-year/calendar.ics',
    );
    // The refused save above answered 400 on purpose; anything else (a CSP violation) counts.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });
});
