import { describe, expect, inject, it } from 'vitest';
import type { SessionToken } from '#contract/session';
import { chromiumForThisFile, heading, openFromMenu, signedIn, watchForErrors } from './browser';
import { call, personOf, serviceOrganisation } from './people';

const browser = chromiumForThisFile();

/**
 * The scheduler's tick that delivers queued mails. Against a stack these tests started (no
 * scheduler), run it here with that stack's environment; a running `npm start` ticks every minute.
 */
async function tick(): Promise<void> {
  const env = inject('stackEnv');
  if (!env) return;
  Object.assign(process.env, env);
  const [{ runMailings }, { sesMailer }] = await Promise.all([
    import('#mailings/run'),
    import('#platform/mailer'),
  ]);
  await runMailings({ now: new Date(), mailer: sesMailer });
}

/** Whether SES's complaint about this address has reached the product (the admin's list). */
async function complaintRecorded(email: string): Promise<boolean> {
  const admin = await call<SessionToken>('/auth/login', inject('admin'));
  const res = await fetch(`${inject('appUrl')}/api/admin/mail-failures`, {
    headers: { authorization: `Bearer ${admin.accessToken}` },
  });
  const body = (await res.json()) as { events: { email: string; suppressed: boolean }[] };
  return body.events.some((e) => e.email === email && e.suppressed);
}

describe("what became of the admin's mailing", () => {
  it('shows the mails queued, then sent and failed, and the address it did not reach with the reason', async () => {
    const suffix = Date.now().toString(36);
    // Vlaams-Brabant: no other browser test has people there (a mailing reaches a whole province).
    // One person reported the invitation as spam.
    const leuven = {
      province: 'vlaams-brabant',
      address: { street: 'Bondgenotenlaan 1', postcode: '3000', city: 'Leuven' },
    };
    await personOf({ ...serviceOrganisation('Thuiszorg Leuven'), ...leuven }, 'Ann Leuven');
    const spam = `els.${suffix}@complaint.test`;
    await personOf({ ...serviceOrganisation('Gezinszorg Heverlee'), ...leuven }, 'Els Heverlee', spam);
    await expect.poll(() => complaintRecorded(spam), { timeout: 15_000 }).toBe(true);

    let errors: string[] = [];
    const page = await signedIn(browser(), inject('admin').email, inject('admin').password, {}, (p) => {
      errors = watchForErrors(p);
    });
    await openFromMenu(page, 'Mailing');
    await expect.poll(() => heading(page)).toBe('Mailing');
    await page.getByLabel('Provincie').selectOption({ label: 'Vlaams-Brabant' });
    await page.getByLabel('Onderwerp').fill(`Nieuws voor Vlaams-Brabant ${suffix}`);
    await page.getByLabel('Tekst').fill('De ronde loopt goed.');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await page.getByRole('button', { name: 'Versturen naar 2 personen' }).click();

    // Queued, not "sent": the scheduler's next tick sends it.
    const progress = page.locator('.mailing-progress');
    await expect
      .poll(() => progress.locator('.alert').textContent())
      .toContain('staat klaar voor 2 personen');
    const counts = progress.getByRole('status');
    await expect.poll(() => counts.textContent()).toBe('2 in de wachtrij · 0 verstuurd · 0 mislukt');

    await tick();
    await expect
      .poll(() => counts.textContent(), { timeout: 75_000 })
      .toBe('0 in de wachtrij · 1 verstuurd · 1 mislukt');
    expect(await progress.locator('.alert').textContent()).toContain('is verwerkt: 1 van 2 verstuurd');
    const [address, , reason] = await progress
      .getByRole('table', { name: 'Niet bereikt' })
      .getByRole('row')
      .nth(1)
      .getByRole('cell')
      .allTextContents();
    expect(address).toBe(spam);
    expect(reason).toMatch(
      /^E-mailadres onbereikbaar sinds .*: de ontvanger meldde een mail als ongewenst \(spam\)\.$/,
    );

    // The dashboard's health panel: the tick that just ran, and the spam report of the last day.
    if (inject('stackEnv')) {
      await page.getByRole('link', { name: 'Overzicht' }).click();
      const panel = page.getByRole('region', { name: 'Werking' });
      await expect.poll(() => panel.getByRole('listitem').count()).toBe(4);
      expect(await panel.getByRole('listitem').nth(0).textContent()).toMatch(
        /^Planner: \(in orde\)laatst gelopen/,
      );
      expect(await panel.getByRole('listitem').nth(2).textContent()).toMatch(/[1-9]\d* gemeld als spam/);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
