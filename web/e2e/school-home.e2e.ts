import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForThisFile, heading, signedIn } from './browser';
import { personOf, schoolOrganisation } from './people';

const browser = chromiumForThisFile();
const SHOTS = '/tmp/polish';

const roundNames = (page: Page) => page.locator('.timeline-round strong').allTextContents();

describe("a school's start page", () => {
  it('leads with adding a student and shows only the rounds of its own tracks', async () => {
    const school = await personOf(schoolOrganisation(['adult']), 'Vera Volwassenen');
    const page = await signedIn(browser(), school.email, school.password);

    const actions = page.getByRole('region', { name: 'Wat wil je doen?' });
    const add = actions.getByRole('link', { name: 'Leerling toevoegen' });
    expect(await add.count()).toBe(1);
    // What to do comes before the calendar: the first link of the page's content.
    const firstLink = page.locator('main a.button').first();
    expect(await firstLink.textContent()).toBe('Leerling toevoegen');

    await expect.poll(async () => (await roundNames(page)).length).toBeGreaterThan(0);
    // Which year this is, said with the rounds (after a year change the year is new).
    expect(await page.getByRole('heading', { name: 'Rondes van schooljaar 2026-2027' }).count()).toBe(1);
    const names = await roundNames(page);
    // Other files add rounds to the shared calendar: the year's own are checked by name.
    expect(names).toContain('Volwassenenonderwijs: stages oktober–december');
    expect(names).not.toContain('Duaal leren');
    expect(names).not.toContain('7de leerjaar: alle leerlingen');
    expect(names).not.toContain('7de leerjaar: ronde voorkeursdienst');

    await add.click();
    await expect.poll(() => heading(page)).toBe('Leerling toevoegen');
    await page.close();
  });

  it("keeps the timeline's bars and today line inside their card at 390 and 1366 px", async () => {
    const school = await personOf(schoolOrganisation(['secondary', 'dual', 'adult']), 'Tom Tijdlijn');
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [390, 1366]) {
      const page = await signedIn(browser(), school.email, school.password, {
        viewport: { width, height: 900 },
      });
      // The year's eight rounds, and any that other files add to the shared calendar.
      await expect.poll(async () => (await roundNames(page)).length).toBeGreaterThanOrEqual(8);
      const card = await page.locator('section.card', { has: page.locator('#timeline-title') }).boundingBox();
      if (!card) throw new Error('no timeline card');
      // Every drawn part of the timeline, a marker drawn with ::before included, within the card.
      const outside = (await page.evaluate(`(() => {
        const [left, right] = [${card.x}, ${card.x + card.width}];
        return [...document.querySelectorAll('#timeline-title ~ *, #timeline-title ~ * *')].flatMap((el) => {
          const box = el.getBoundingClientRect();
          const boxes = [box];
          const before = getComputedStyle(el, '::before');
          if (before.content !== 'none' && before.position === 'absolute') {
            const x = box.left + (Number.parseFloat(before.left) || 0);
            boxes.push({ left: x, right: x + (Number.parseFloat(before.width) || 0), width: 1 });
          }
          return boxes
            .filter((b) => b.width > 0 && (b.left < left - 0.5 || b.right > right + 0.5))
            .map(() => el.tagName + '.' + el.className);
        });
      })()`)) as string[];
      expect(outside, `at ${width} px`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/school-home-${width}.png`, fullPage: true });
      await page.context().close();
    }
  });
});
