import { describe, expect, it } from 'vitest';
import { officialPlaceName } from '#reference/place-names';
import postcodes from '../../shared/reference/postcodes.json';

const names = new Set(postcodes.map((p) => p.place));

describe('place names in the reference data and the demo', () => {
  it('are Dutch for Brussels and the language-border municipalities', () => {
    for (const french of [
      'Forest',
      'Bruxelles',
      'Ixelles',
      'Uccle',
      'Fouron-Le-Comte',
      'Fourons',
      'Renaix',
      'Rhode-Saint-Genèse',
    ]) {
      expect(names.has(french), french).toBe(false);
    }
    for (const dutch of [
      'Vorst',
      'Brussel',
      'Elsene',
      'Ukkel',
      "'s-Gravenvoeren",
      'Voeren',
      'Ronse',
      'Sint-Genesius-Rode',
    ]) {
      expect(names.has(dutch), dutch).toBe(true);
    }
  });

  it('keep the official capitalisation', () => {
    expect(names.has("'s-Gravenwezel")).toBe(true);
    expect(names.has('Herk-de-Stad')).toBe(true);
    expect(names.has('Heist-op-den-Berg')).toBe(true);
    expect([...names].filter((n) => /-(De|Den|Op|Aan|Bij|In|Ten)-|^'S /.test(n))).toEqual([]);
    expect(officialPlaceName('Sint-Pieters-Leeuw')).toBe('Sint-Pieters-Leeuw');
  });
});
