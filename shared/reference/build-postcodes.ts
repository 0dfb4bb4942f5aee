import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provinceOfPostcode } from '#contract/provinces';
import { officialPlaceName } from './place-names';

/**
 * Derives postcodes.json (Flanders and Brussels) from the GeoNames extract in ../shared/data.
 * Run with `npx tsx shared/reference/build-postcodes.ts [path-to-be-postcodes.csv]`.
 * Data: GeoNames (CC BY 4.0), see README.
 */
const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(process.argv[2] ?? join(here, '../../../shared/data/be-postcodes.csv'));
const [header, ...rows] = readFileSync(source, 'utf8').trim().split(/\r?\n/);
const columns = header!.split(',');
const at = (name: string) => columns.indexOf(name);

const places = rows
  .map((row) => row.split(','))
  .map((cells) => ({
    postcode: cells[at('zipcode')]!,
    place: officialPlaceName(cells[at('place')]!),
    lat: Number(cells[at('latitude')]),
    lon: Number(cells[at('longitude')]),
  }))
  .filter((p) => provinceOfPostcode(p.postcode) !== null);

writeFileSync(join(here, 'postcodes.json'), `${JSON.stringify(places)}\n`);
console.log(`${places.length} places written to shared/reference/postcodes.json`);
