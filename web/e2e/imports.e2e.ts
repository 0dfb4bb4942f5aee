import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile, heading, openFromMenu, signedIn, watchForErrors } from './browser';

const browser = chromiumForThisFile();

describe('a large import in the background', () => {
  it('shows how far it is while the server works through it, then what it did per row', async () => {
    const suffix = Date.now().toString(36);
    const lines = ['Naam;E-mail;Provincie;Sector;Straat;Postcode;Gemeente'];
    for (let i = 1; i <= 60; i++) {
      lines.push(
        `Dienst ${suffix} ${i};dienst${i}-${suffix}@import.example;Limburg;social profit;Markt ${i};3500;Hasselt`,
      );
    }
    lines.push(
      `Dienst ${suffix} fout;fout-${suffix}@import.example;Atlantis;social profit;Markt 1;3500;Hasselt`,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'import-e2e-')), 'diensten.csv');
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);

    let errors: string[] = [];
    const page = await signedIn(browser(), inject('admin').email, inject('admin').password, {}, (p) => {
      errors = watchForErrors(p);
    });
    await openFromMenu(page, 'Importeren');
    await expect.poll(() => heading(page)).toBe('Importeren');
    await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(file);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('60 rijen geldig, 0 bestaan al, 1 fout.');
    await page.getByRole('button', { name: 'Importeer 60 organisaties' }).click();

    // While it runs: "x van 61 verwerkt" with a progress bar, x growing.
    await expect.poll(() => heading(page)).toBe('Importeren');
    await expect.poll(() => page.getByRole('heading', { name: 'Bezig met importeren' }).count()).toBe(1);
    const counted = page.getByText(/^\d+ van 61 verwerkt$/);
    await expect.poll(() => counted.count()).toBe(1);
    expect(await page.locator('progress').getAttribute('max')).toBe('61');

    // Done: what it created and refused, and the refused row with its reason.
    await expect
      .poll(() => page.locator('.alert-ok').textContent(), { timeout: 60_000 })
      .toContain('60 organisaties geïmporteerd; 1 rij met fouten overgeslagen');
    const attention = page.getByRole('table', { name: 'Rijen die aandacht vragen.' });
    const cells = await attention.getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(cells).toEqual([
      '62',
      `Dienst ${suffix} fout`,
      `fout-${suffix}@import.example`,
      'Fout, niet geïmporteerd',
      'Provincie: Onbekende provincie "Atlantis".',
    ]);
    expect(errors).toEqual([]);
  }, 120_000);
});
