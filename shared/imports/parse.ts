import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { validationFailed } from '#kernel/errors';

const isZip = (b: Buffer) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b;

/** The cells of a CSV as Belgian Excel writes it (`;`) or as others do (`,`, tab), BOM or not. */
function csvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  return parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
}

/** The first worksheet of an XLSX file, every cell as the text a person sees. */
async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      cells[col - 1] = c.text ?? '';
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Reads an uploaded CSV or XLSX into rows of text; anything else is a clear field error. */
export const readSheet = (filename: string, base64: string) =>
  readSheetBytes(filename, Buffer.from(base64, 'base64'));

export async function readSheetBytes(filename: string, bytes: Buffer): Promise<string[][]> {
  try {
    if (isZip(bytes) || /\.xlsx$/i.test(filename)) return await xlsxRows(bytes);
    return csvRows(bytes);
  } catch {
    throw validationFailed([
      {
        path: 'file',
        in: 'body',
        message: 'Dit bestand kunnen we niet lezen: kies een CSV- of XLSX-bestand (Excel).',
      },
    ]);
  }
}
