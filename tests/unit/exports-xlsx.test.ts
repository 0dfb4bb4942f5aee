import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { streamXlsx, type XlsxColumn } from '#exports/xlsx';

async function written(columns: XlsxColumn[], rows: (string | number | Date | null)[][], sheetName = 'Blad') {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = streamXlsx(out, columns, sheetName);
  book.addRows(rows.slice(0, 1));
  book.addRows(rows.slice(1));
  await book.end();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('the streaming XLSX writer', () => {
  it('writes typed cells under a bold frozen header with a filter, past column Z', async () => {
    const columns: XlsxColumn[] = Array.from({ length: 30 }, (_, i) => ({
      header: `Kolom ${i + 1}`,
      kind: i === 1 ? 'number' : i === 2 ? 'date' : 'text',
      width: 12,
    }));
    const row = (n: number) =>
      columns.map((_, i) => (i === 1 ? n : i === 2 ? new Date(Date.UTC(2027, 1, n)) : `r${n}c${i}`));
    const sheet = await written(columns, [row(1), row(2), row(3)], 'Alle leerlingen');
    expect(sheet.name).toBe('Alle leerlingen');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(30).value).toBe('Kolom 30');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(4).getCell(2).value).toBe(3);
    expect(sheet.getRow(4).getCell(3).value).toEqual(new Date(Date.UTC(2027, 1, 3)));
    expect(sheet.getRow(4).getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(4).getCell(30).value).toBe('r3c29');
    expect(sheet.getColumn(30).width).toBe(12);
  });

  it('keeps markup, spaces and empty cells as typed, and drops what XML cannot hold', async () => {
    const columns: XlsxColumn[] = [
      { header: 'A & B', kind: 'text', width: 10 },
      { header: 'Leeg', kind: 'text', width: 10 },
      { header: 'C', kind: 'id', width: 10 },
    ];
    const sheet = await written(columns, [[' <b>"x"</b> & \u0007y ', null, '0470 12 34 56']]);
    expect(sheet.getRow(1).getCell(1).value).toBe('A & B');
    expect(sheet.getRow(2).getCell(1).value).toBe(' <b>"x"</b> & y ');
    expect(sheet.getRow(2).getCell(2).value).toBeNull();
    expect(sheet.getRow(2).getCell(3).value).toBe('0470 12 34 56');
  });
});
