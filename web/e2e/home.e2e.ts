import { describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile, watchForErrors } from './browser';

const browser = chromiumForThisFile();

describe('home page', () => {
  it('loads in Dutch and shows that the system is healthy', async () => {
    const page = await browser().newPage();
    const errors = watchForErrors(page);
    await page.goto(`${inject('appUrl')}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl-BE');
    expect(await page.title()).toBe('Stagematching gezinszorg');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welkom');
    const status = page.getByRole('status');
    await expect.poll(() => status.getAttribute('data-health')).toBe('healthy');
    expect(await status.textContent()).toBe('Het systeem werkt normaal.');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Start',
      'Aanmelden',
      'Registreer je dienst',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves app routes from the shell and says when a page does not exist', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('appUrl')}/bestaat/niet`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Pagina niet gevonden');
    await page.getByRole('link', { name: 'Terug naar de start' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welkom');
    await page.close();
  });
});
