import { describe, expect, it } from 'vitest';
import { readImportRows } from '#imports/rules';

const header = ['Naam', 'E-mail', 'Provincie', 'Sector', 'Straat', 'Postcode', 'Gemeente'];
const service = (name: string, email: string, province = 'West-Vlaanderen', sector = 'social profit') => [
  name,
  email,
  province,
  sector,
  'Markt 1',
  '8000',
  'Brugge',
];

describe('importing organisations from a sheet', () => {
  it('takes valid rows in any column order and with any header case', () => {
    const shuffled = ['gemeente', 'NAAM', 'e-mail', 'Postcode', 'Straat', 'Sector', 'Provincie'];
    const row = ['Brugge', 'Dienst A', 'a@dienst.be', '8000', 'Markt 1', 'lokaal bestuur', 'West-Vlaanderen'];
    const { candidates, errors } = readImportRows('services', [shuffled, row]);
    expect(errors).toEqual([]);
    expect(candidates[0]?.organisation).toMatchObject({
      type: 'service',
      name: 'Dienst A',
      province: 'west-vlaanderen',
      sector: 'local_government',
    });
  });

  it('reports an error per row and column, in Dutch, with the row number Excel shows', () => {
    const { candidates, errors } = readImportRows('services', [
      header,
      service('Dienst A', 'a@dienst.be'),
      service('Dienst B', 'b@dienst.be', 'Henegouwen'),
      service('', 'c@dienst.be'),
      service('Dienst D', 'a@dienst.be'),
      service('Dienst E', 'geen-adres'),
    ]);
    expect(candidates.map((c) => c.row)).toEqual([2]);
    expect(errors).toEqual([
      { row: 3, field: 'Provincie', message: 'Onbekende provincie "Henegouwen".' },
      { row: 4, field: 'Naam', message: 'Vul de naam in.' },
      { row: 5, field: 'E-mail', message: 'Dit e-mailadres staat al op rij 2.' },
      { row: 6, field: 'E-mail', message: 'Vul een geldig e-mailadres in.' },
    ]);
  });

  it('says which column is missing', () => {
    const { errors } = readImportRows('schools', [['Naam', 'E-mail']]);
    expect(errors.map((e) => e.field)).toEqual(['Opleidingen', 'Straat', 'Postcode', 'Gemeente']);
  });

  it('reads the tracks of a school as the sector writes them', () => {
    const { candidates, errors } = readImportRows('schools', [
      ['Naam', 'E-mail', 'Opleidingen', 'Straat', 'Postcode', 'Gemeente'],
      ['CVO Gent', 'cvo@school.be', 'volwassenenonderwijs, duaal', 'Straat 1', '9000', 'Gent'],
      ['School X', 'x@school.be', 'kleuter', 'Straat 1', '9000', 'Gent'],
    ]);
    expect(candidates[0]?.organisation).toMatchObject({ tracks: ['adult', 'dual'] });
    expect(errors[0]).toMatchObject({ row: 3, field: 'Opleidingen' });
  });
});
