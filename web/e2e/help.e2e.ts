import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_HELPLINE } from '#platform/config';
import { chromiumForThisFile, heading, watchForErrors } from './browser';

const browser = chromiumForThisFile();

describe('the help page', () => {
  it("shows the helpline's address, phone and hours as this deployment sets them, before login too", async () => {
    mkdirSync('/tmp/polish', { recursive: true });
    for (const width of [1366, 390]) {
      const page = await (await browser().newContext({ viewport: { width, height: 900 } })).newPage();
      const errors = watchForErrors(page);
      await page.goto(`${inject('appUrl')}/hulp`);
      await expect.poll(() => heading(page)).toBe('Hulp en veelgestelde vragen');
      const mail = page.getByRole('link', { name: LOCAL_HELPLINE.email });
      await expect.poll(() => mail.count()).toBe(1);
      expect(await mail.getAttribute('href')).toBe(`mailto:${LOCAL_HELPLINE.email}`);
      expect(await page.getByRole('link', { name: LOCAL_HELPLINE.phone }).count()).toBe(1);
      expect(await page.getByText(LOCAL_HELPLINE.hours).count()).toBe(1);
      expect(await page.getByText('handleiding die je organisatie kreeg').count()).toBe(0);
      await page.screenshot({ path: `/tmp/polish/help-${width}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
