import { describe, expect, inject, it } from 'vitest';
import type { Organisation } from '#contract/organisations';
import type { SchoolYearProposal } from '#contract/school-year';
import { chromiumForThisFile, heading, openFromMenu, signedIn, watchForErrors } from './browser';
import { adminToken, call, serviceOrganisation } from './people';

const browser = chromiumForThisFile();

describe('Nieuw schooljaar voorbereiden', () => {
  it('proposes next year’s calendar with its warnings; the admin moves a weekend opening and leaves a service out', async () => {
    const token = await adminToken();
    const leftOut = await call<Organisation>(
      '/organisations',
      serviceOrganisation('Thuiszorg Afscheid'),
      token,
    );

    let errors: string[] = [];
    const page = await signedIn(browser(), inject('admin').email, inject('admin').password, {}, (p) => {
      errors = watchForErrors(p);
    });
    await openFromMenu(page, 'Schooljaren');
    await expect.poll(() => heading(page)).toBe('Schooljaren');
    await page.getByRole('button', { name: 'Nieuw schooljaar voorbereiden: 2027-2028' }).click();
    await expect.poll(() => heading(page)).toBe('Kalender 2027-2028 (voorbereiding)');

    // Every date one year later: 4 September 2027 is a Saturday, and the page says so.
    const preferred = page.locator('tr[data-round="secondary-7-preferred"]');
    await expect
      .poll(() => preferred.locator('td[data-label="Let op"] li').allTextContents())
      .toEqual(['Begin: 04/09/2027 valt op een zaterdag.', 'Einde: 18/09/2027 valt op een zaterdag.']);
    expect(await preferred.locator('td[data-label="Begin"]').textContent()).toBe('za 04/09/2027, 12:00');

    // The coordinator opens the round on the Monday instead; the warning about the opening goes.
    await page.getByRole('button', { name: 'Wijzig 7de leerjaar: ronde voorkeursdienst' }).click();
    const form = page.getByRole('form', { name: 'Ronde' });
    await form.getByLabel('Begin (Brussel)').fill('2027-09-06T12:00');
    await form.getByRole('button', { name: 'Bewaren' }).click();
    await expect
      .poll(() => page.getByText('"7de leerjaar: ronde voorkeursdienst" is bewaard.').count())
      .toBe(1);
    await expect
      .poll(() => preferred.locator('td[data-label="Let op"] li').allTextContents())
      .toEqual(['Einde: 18/09/2027 valt op een zaterdag.']);
    expect(await preferred.locator('td[data-label="Begin"]').textContent()).toBe('ma 06/09/2027, 12:00');

    // Every active organisation takes part unless unticked; one service stays behind.
    const participation = page.getByRole('form', { name: 'Wie neemt deel in 2027-2028' });
    const services = participation.getByRole('group', { name: /^Diensten gezinszorg: / });
    const counted = async () => {
      const [, going, all] =
        /: (\d+) van (\d+) gaan mee$/.exec((await services.locator('legend').textContent()) ?? '') ?? [];
      return { going: Number(going), all: Number(all) };
    };
    const before = await counted();
    expect(before.going).toBe(before.all);
    // Among hundreds of names the coordinator finds it by typing part of it, accents aside.
    const everyBox = await participation.getByRole('checkbox').count();
    await participation.getByLabel('Zoek een organisatie').fill(leftOut.name.replace('Afscheid', 'AFSCHEÍD'));
    await expect.poll(() => participation.getByRole('checkbox').count()).toBe(1);
    expect(everyBox).toBeGreaterThan(1);
    const box = participation.getByRole('checkbox', { name: leftOut.name });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await participation.getByLabel('Zoek een organisatie').press('Enter');
    expect(await participation.getByRole('status').count()).toBe(0);
    await participation.getByLabel('Zoek een organisatie').fill('');
    await expect.poll(counted).toEqual({ going: before.all - 1, all: before.all });
    await participation.getByRole('button', { name: 'Deelnemers bewaren' }).click();
    await expect
      .poll(() => participation.getByRole('status').textContent())
      .toMatch(/^Bewaard: \d+ organisaties nemen deel\.$/);

    // Saved: a fresh read says the same.
    const res = await fetch(`${inject('appUrl')}/api/school-years/2027-2028`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const saved = (await res.json()) as SchoolYearProposal;
    expect(saved.rounds.find((r) => r.id === 'secondary-7-preferred')).toMatchObject({
      opensAt: '2027-09-06T12:00',
      warnings: ['Einde: 18/09/2027 valt op een zaterdag.'],
    });
    expect(saved.organisations.find((o) => o.id === leftOut.id)?.takesPart).toBe(false);

    // Back on Schooljaren: the prepared year, and when its personal data will be erased.
    await page.getByRole('link', { name: 'Terug naar Schooljaren' }).click();
    const row = page.locator('tr[data-year="2027-2028"]');
    await expect.poll(() => row.locator('td[data-label="Status"]').textContent()).toBe('In voorbereiding');
    expect(await row.locator('td[data-label="Persoonsgegevens"]').textContent()).toContain(
      'Op 31/08/2029 worden de persoonsgegevens van 2027-2028 gewist: 0 leerlingen.',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
