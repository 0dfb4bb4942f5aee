import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

/** Debian's Chromium, headless, with the flags this sandboxed machine needs. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects console errors and failed page loads: a CSP violation shows up here. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** One Chromium per test file: launched before its tests, closed after them. */
export function chromiumForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call this inside a test.');
    return browser;
  };
}

/** The page's main heading, as a person reads it first. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** A new browser context signed in through the login page, on its start page ("Welkom, …"). */
export async function signedIn(
  browser: Browser,
  email: string,
  password: string,
  context: BrowserContextOptions = {},
  /** Called with the new page before it loads anything, e.g. to watch it for errors from the start. */
  onPage?: (page: Page) => void,
): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage();
  onPage?.(page);
  await page.goto(`${inject('appUrl')}/aanmelden`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect.poll(() => heading(page)).toMatch(/^Welkom/);
  return page;
}

/**
 * Follows a link of the main menu as a person does: through "Menu" on a narrow screen and through
 * the group ("Schooljaar", "Beheer") the page is in.
 */
export async function openFromMenu(page: Page, name: string) {
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.waitFor();
  const toggle = nav.getByRole('button', { name: 'Menu' });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') {
    await toggle.click();
  }
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) {
    await nav
      .locator('li.nav-group', { has: page.locator(`a:text-is("${name}")`) })
      .locator('button')
      .click();
  }
  await link.click();
}
