import { describe, expect, it } from 'vitest';
import { centreOf, distanceKm, greatCircleKm } from '#reference/distance';
import postcodes from '../../shared/reference/postcodes.json';

describe('distance between postcodes', () => {
  it.each([
    ['8000', '9000', 39], // Brugge – Gent
    ['3500', '3600', 12], // Hasselt – Genk
    ['2000', '1000', 41], // Antwerpen – Brussel
  ])('%s to %s is about %i km, either way', (a, b, km) => {
    expect(Math.abs((distanceKm(a, b) ?? Number.NaN) - km)).toBeLessThanOrEqual(1);
    expect(distanceKm(b, a)).toBe(distanceKm(a, b));
  });

  it('is 0 within one postcode and unknown for a postcode outside the table', () => {
    expect(distanceKm('9000', '9000')).toBe(0);
    expect(distanceKm('9000', '4000')).toBeNull(); // Liège: not in Flanders or Brussels
    expect(distanceKm('9000', undefined)).toBeNull();
    expect(distanceKm('abcd', '9000')).toBeNull();
  });

  it('measures a great circle: one degree of latitude is about 111 km', () => {
    expect(greatCircleKm({ lat: 50, lon: 4 }, { lat: 51, lon: 4 })).toBeCloseTo(111.2, 0);
  });

  it('the compact table holds every postcode of the places, at its first place', () => {
    const first = new Map<string, { lat: number; lon: number }>();
    for (const p of postcodes) if (!first.has(p.postcode)) first.set(p.postcode, p);
    for (const [postcode, place] of first) {
      expect(centreOf(postcode), postcode).toEqual({ lat: place.lat, lon: place.lon });
    }
    expect(first.size).toBe(541);
  });
});
