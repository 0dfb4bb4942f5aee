import type { Writable } from 'node:stream';
import type { ExportFormat } from '#contract/exports';
import { type Column, csvHeader, csvLine, xlsxValue } from './rules';
import { streamXlsx } from './xlsx';

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

/** One sheet, streamed: the rows of a page go into the zip as they are written (`./xlsx`). */
export function xlsxWriter<R>(stream: Writable, columns: Column<R>[], sheetName: string): RowWriter<R> {
  const book = streamXlsx(stream, columns, sheetName);
  return {
    write(rows) {
      book.addRows(rows.map((row) => columns.map((c) => xlsxValue(c.kind, c.value(row)))));
    },
    end: () => book.end(),
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
