import { CENTROIDS } from './centroids';

interface Centre {
  lat: number;
  lon: number;
}

/**
 * A postcode's point: its first place, which the GeoNames extract lists first as the municipality
 * that gives the postcode its name (8000 Brugge before Koolkerke). A mean of all its places would
 * drift towards outlying villages (3500 Hasselt towards Sint-Lambrechts-Herk).
 *
 * Read from the compact table (`centroids.ts`, 9 KB instead of the 95 KB of places) on first use,
 * so that the services' list bundle stays small and a cold start parses nothing it does not need.
 */
let centres: ReadonlyMap<string, Centre> | undefined;
export function centreOf(postcode: string): Centre | undefined {
  if (!centres) {
    const table = new Map<string, Centre>();
    for (const entry of CENTROIDS.split(' ')) {
      table.set(entry.slice(0, 4), {
        lat: Number(entry.slice(4, 10)) / 1e4,
        lon: Number(entry.slice(10)) / 1e4,
      });
    }
    centres = table;
  }
  return centres.get(postcode);
}

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine) between two points, in kilometres. */
export function greatCircleKm(a: Centre, b: Centre): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The distance between two postcodes as the crow flies, rounded to the kilometre; null when either
 * postcode is unknown (outside Flanders and Brussels, or mistyped). An approximation ("ca."): the
 * point of a postcode, not an address, and no roads.
 */
export function distanceKm(fromPostcode: string | undefined, toPostcode: string | undefined): number | null {
  const from = fromPostcode ? centreOf(fromPostcode) : undefined;
  const to = toPostcode ? centreOf(toPostcode) : undefined;
  if (!from || !to) return null;
  return Math.round(greatCircleKm(from, to));
}
