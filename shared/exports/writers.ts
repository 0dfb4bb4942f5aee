import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportFormat } from '#contract/exports';
import { type Column, csvHeader, csvLine, XLSX_FORMATS, xlsxFormat, xlsxValue } from './rules';

/** Writes rows into a stream, one page at a time; the file is never whole in memory. */
export interface RowWriter<R> {
  write(rows: R[]): void;
  end(): Promise<void>;
}

export function csvWriter<R>(stream: Writable, columns: Column<R>[]): RowWriter<R> {
  stream.write(csvHeader(columns));
  return {
    write(rows) {
      if (rows.length === 0) return;
      stream.write(
        rows
          .map((row) =>
            csvLine(
              columns,
              columns.map((c) => c.value(row)),
            ),
          )
          .join(''),
      );
    },
    async end() {
      stream.end();
    },
  };
}

/**
 * exceljs's streaming WorkbookWriter: every row is committed (written to the zip stream) as soon
 * as it is added; shared strings off, so nothing accumulates per row.
 */
export function xlsxWriter<R>(stream: Writable, columns: Column<R>[], sheetName: string): RowWriter<R> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    style: XLSX_FORMATS[c.kind] ? { numFmt: XLSX_FORMATS[c.kind] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return {
    write(rows) {
      for (const row of rows) {
        const cells = columns.map((c) => c.value(row));
        const added = sheet.addRow(columns.map((c, i) => xlsxValue(c.kind, cells[i])));
        columns.forEach((c, i) => {
          const format = xlsxFormat(c.kind, cells[i]);
          if (format && format !== XLSX_FORMATS[c.kind]) added.getCell(i + 1).numFmt = format;
        });
        added.commit();
      }
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function writerFor<R>(
  format: ExportFormat,
  stream: Writable,
  columns: Column<R>[],
  sheetName: string,
): RowWriter<R> {
  return format === 'csv' ? csvWriter(stream, columns) : xlsxWriter(stream, columns, sheetName);
}
