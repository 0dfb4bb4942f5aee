import { describe, expect, it } from 'vitest';
import {
  attachment,
  CSV_BOM,
  csvField,
  csvHeader,
  csvLine,
  csvText,
  exportFileName,
  formatDate,
  formatDateTime,
  formatPhone,
  KEEP_AS_TEXT,
  nationalNumberText,
  neutralise,
  xlsxFormat,
  xlsxValue,
} from '#exports/rules';

describe('CSV for Belgian Excel', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    const header = csvHeader([{ header: 'Naam' }, { header: 'Postcode' }]);
    expect(header).toBe(`${CSV_BOM}Naam;Postcode\r\n`);
    expect(csvLine([{ kind: 'text' }, { kind: 'id' }], ['Peeters', '8000'])).toBe('Peeters;8000\r\n');
  });

  it('quotes per RFC 4180: separator, quotes, line breaks; doubles quotes', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvField('gewoon')).toBe('gewoon');
    expect(csvLine([{ kind: 'text' }, { kind: 'text' }], [null, 'x'])).toBe(';x\r\n');
  });

  it('writes dates as dd/mm/jjjj, instants in Brussels time (summer and winter)', () => {
    expect(formatDate('2026-10-05')).toBe('05/10/2026');
    expect(formatDate('2026-06-30T22:30:00.000Z')).toBe('01/07/2026');
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('01/01/2027');
    expect(formatDateTime('2026-09-18T10:00:00.000Z')).toBe('18/09/2026 12:00');
    expect(formatDateTime('2026-11-18T11:00:00.000Z')).toBe('18/11/2026 12:00');
  });

  it('writes hours with a decimal comma', () => {
    expect(csvText('number', 7.5)).toBe('7,5');
    expect(csvText('number', 80)).toBe('80');
  });

  it('writes phones and national numbers in shapes Excel keeps as text', () => {
    expect(formatPhone('0470123456')).toBe('0470 12 34 56');
    expect(formatPhone('+32 470 12 34 56')).toBe('0470 12 34 56');
    expect(formatPhone('050/12.34.56')).toBe('050 12 34 56');
    expect(formatPhone('021234567')).toBe('02 123 45 67');
    expect(nationalNumberText('85073003328')).toBe('85.07.30-033.28');
  });

  it('keeps bare digit identifiers with a leading zero or over 10 digits as text', () => {
    expect(csvText('id', '0470123456')).toBe(`${KEEP_AS_TEXT}0470123456`);
    expect(csvText('id', '85073003328')).toBe(`${KEEP_AS_TEXT}85073003328`);
    expect(csvText('id', '8000')).toBe('8000');
    expect(csvText('id', '0470 12 34 56')).toBe('0470 12 34 56');
  });

  it('keeps free text that Excel would turn into a number, date or boolean as text', () => {
    for (const mangled of [
      '1-2',
      '3/4',
      '1,5',
      '12 345',
      '1E5',
      '5 jan',
      'mei 2027',
      '12:30',
      'WAAR',
      '007',
    ]) {
      expect(csvText('text', mangled), mangled).toBe(`${KEEP_AS_TEXT}${mangled}`);
    }
    for (const plain of ['Peeters', 'Stationsstraat 12', 'Kleurenblind.', 'Blok 2', 'A1']) {
      expect(csvText('text', plain), plain).toBe(plain);
    }
  });
});

describe('formula neutralisation (OWASP CSV injection)', () => {
  it('makes every cell that starts with = + - @ tab or CR inert, in CSV and XLSX alike', () => {
    for (const evil of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")']) {
      expect(neutralise(evil)).toBe(`'${evil}`);
      expect(csvText('text', evil).startsWith("'")).toBe(true);
      expect(xlsxValue('text', evil)).toBe(`'${evil}`);
      expect(xlsxValue('id', evil)).toBe(`'${evil}`);
    }
    expect(csvLine([{ kind: 'text' }], ['=cmd|"/c calc"!A1'])).toBe(`"'=cmd|""/c calc""!A1"\r\n`);
    expect(neutralise('Gewoon')).toBe('Gewoon');
  });
});

describe('typed XLSX cells', () => {
  it('dates as dates (Brussels wall clock), numbers as numbers, identifiers as text', () => {
    expect(xlsxValue('date', '2026-10-05')).toEqual(new Date(Date.UTC(2026, 9, 5)));
    expect(xlsxValue('datetime', '2026-09-18T10:00:00.000Z')).toEqual(new Date(Date.UTC(2026, 8, 18, 12, 0)));
    expect(xlsxValue('number', 19)).toBe(19);
    expect(xlsxValue('id', '0470 12 34 56')).toBe('0470 12 34 56');
    expect(xlsxValue('text', null)).toBeNull();
  });

  it('formats whole numbers without a separator and fractions with one or two decimals', () => {
    expect(xlsxFormat('number', 80)).toBe('0');
    expect(xlsxFormat('number', 0)).toBe('0');
    expect(xlsxFormat('number', 600.5)).toBe('0.0#');
    expect(xlsxFormat('number', 7.25)).toBe('0.0#');
    expect(xlsxFormat('date', '2026-10-05')).toBe('dd/mm/yyyy');
  });
});

describe('file names', () => {
  it('say what the file is and of which day in Brussels', () => {
    const evening = new Date('2026-10-04T22:30:00.000Z');
    expect(exportFileName('service-requests', { track: 'secondary', tab: 'open' }, 'csv', evening)).toBe(
      'stagevragen-secundair-open-2026-10-05.csv',
    );
    expect(exportFileName('service-requests', { track: 'dual', tab: 'accepted' }, 'xlsx', evening)).toBe(
      'stagevragen-duaal-aanvaard-2026-10-05.xlsx',
    );
    expect(exportFileName('admin-students', {}, 'csv', evening)).toBe('alle-leerlingen-2026-10-05.csv');
    expect(attachment('stagevragen-secundair-open-2026-10-05.csv')).toBe(
      'attachment; filename="stagevragen-secundair-open-2026-10-05.csv"',
    );
  });
});
