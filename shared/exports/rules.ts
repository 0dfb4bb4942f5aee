import type { ExportFormat, ExportList } from '#contract/exports';
import { formatNationalNumber } from '#contract/national-number';
import type { Track } from '#contract/organisations';
import { brusselsWallClock } from '#kernel/time';

/**
 * What an export file looks like, whatever the list: the cell kinds, how each is written for
 * Belgian Excel (CSV) and as a typed XLSX cell, formula neutralisation and the file name. Pure:
 * the lists (`lists.ts`) say which columns, the writers only write.
 */

/** A column's kind decides its CSV text and its XLSX cell type. */
export type CellKind = 'text' | 'id' | 'date' | 'datetime' | 'number';

export interface Column<R> {
  header: string;
  kind: CellKind;
  /** XLSX column width in characters. */
  width: number;
  /** Personal data (national register number, email, phone): the export is audited. */
  personal?: boolean;
  value: (row: R) => string | number | null | undefined;
}

export type Cell = string | number | null | undefined;

// ---------------------------------------------------------------- CSV for Belgian Excel

/** Excel reads a UTF-8 file as UTF-8 only when it starts with the byte order mark. */
export const CSV_BOM = '\uFEFF';
/** The list separator of Windows with Dutch (Belgium) settings. */
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';

/**
 * OWASP CSV injection: a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return could be
 * run as a formula; a leading apostrophe makes it plain text in Excel and LibreOffice.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Invisible (U+2060 WORD JOINER): a cell that starts with it is text, never a number or date. */
export const KEEP_AS_TEXT = '\u2060';

const MONTH = '(jan|feb|mrt|maa|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\\.?';
const LOOKS_LIKE_VALUE = [
  // numbers, amounts, percentages, fractions, dates and times written with digits
  /^[+-]?[\d\s.,/:%-]*\d[\d\s.,/:%-]*$/,
  // scientific notation: 1E5, 12e-3
  /^[+-]?\d+([.,]\d+)?e[+-]?\d+$/i,
  // 5 jan, 5-jan-2027, jan-27, januari 2027
  new RegExp(`^\\d{1,2}[\\s./-]*${MONTH}([\\s./-]*\\d{1,4})?$`, 'i'),
  new RegExp(`^${MONTH}[\\s./-]*\\d{1,4}$`, 'i'),
  // booleans in English and Dutch Excel
  /^(true|false|waar|onwaar)$/i,
];

/** Free text that Excel would silently turn into a number, date or boolean. */
export const excelWouldConvert = (text: string) => LOOKS_LIKE_VALUE.some((re) => re.test(text.trim()));

/** An identifier Excel would mangle: a bare digit string with a leading zero or over 10 digits. */
export const bareDigitsExcelMangles = (text: string) =>
  /^\d+$/.test(text) && (text[0] === '0' || text.length > 10);

/** RFC 4180: quoted when it holds the separator, a quote or a line break; quotes doubled. */
export function csvField(text: string): string {
  return /[;"\r\n,]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of one CSV cell, as Excel with Dutch (Belgium) settings should read it back. */
export function csvText(kind: CellKind, value: Cell): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'number':
      // Belgian Excel reads a decimal comma; a point would make 7.5 a date or text.
      return typeof value === 'number' ? String(value).replace('.', ',') : csvText('text', value);
    case 'date':
      return formatDate(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    case 'id': {
      const text = neutralise(String(value));
      return bareDigitsExcelMangles(text) ? `${KEEP_AS_TEXT}${text}` : text;
    }
    case 'text': {
      const text = neutralise(String(value));
      return excelWouldConvert(text) ? `${KEEP_AS_TEXT}${text}` : text;
    }
  }
}

export function csvLine(columns: readonly Pick<Column<never>, 'kind'>[], cells: readonly Cell[]): string {
  return columns.map((c, i) => csvField(csvText(c.kind, cells[i]))).join(CSV_SEPARATOR) + CSV_NEWLINE;
}

export const csvHeader = (columns: readonly Pick<Column<never>, 'header'>[]) =>
  CSV_BOM + columns.map((c) => csvField(neutralise(c.header))).join(CSV_SEPARATOR) + CSV_NEWLINE;

// ---------------------------------------------------------------- XLSX cells

/** A typed XLSX cell: dates as dates, numbers as numbers, everything else as (inert) text. */
export function xlsxValue(kind: CellKind, value: Cell): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'number':
      return typeof value === 'number' ? value : neutralise(String(value));
    case 'date':
      return excelDate(String(value), false);
    case 'datetime':
      return excelDate(String(value), true);
    default:
      return neutralise(String(value));
  }
}

export const XLSX_FORMATS: Partial<Record<CellKind, string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  number: '0',
  id: '@',
  text: '@',
};

/**
 * A cell's number format. No single Excel format fits both: `0.##` shows 80 as "80," (the
 * separator stays), so whole numbers get `0` ("80") and hours with a fraction `0.0#` ("600,5").
 */
export function xlsxFormat(kind: CellKind, value: Cell): string | undefined {
  if (kind === 'number' && typeof value === 'number' && !Number.isInteger(value)) return '0.0#';
  return XLSX_FORMATS[kind];
}

// ---------------------------------------------------------------- dates, phones, numbers

/** Brussels wall-clock parts of a calendar date (`2026-10-05`) or an instant (`…T…Z`). */
function wallClock(iso: string) {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (date) return { year: date[1]!, month: date[2]!, day: date[3]!, hour: '00', minute: '00' };
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const { year, month, day, hour, minute } = brusselsWallClock(instant);
  return { year, month, day, hour, minute };
}

/** `dd/mm/jjjj`, in Brussels time for instants. */
export function formatDate(iso: string): string {
  const w = wallClock(iso);
  return w ? `${w.day}/${w.month}/${w.year}` : neutralise(iso);
}

/** `dd/mm/jjjj uu:mm`, Brussels time. */
export function formatDateTime(iso: string): string {
  const w = wallClock(iso);
  return w ? `${w.day}/${w.month}/${w.year} ${w.hour}:${w.minute}` : neutralise(iso);
}

/** The Brussels calendar day of an instant as `YYYY-MM-DD` (file names). */
export function brusselsDay(instant: Date): string {
  const w = wallClock(instant.toISOString())!;
  return `${w.year}-${w.month}-${w.day}`;
}

/** Excel has no time zones: the Brussels wall clock is written as if it were UTC. */
function excelDate(iso: string, withTime: boolean): Date | string {
  const w = wallClock(iso);
  if (!w) return neutralise(iso);
  return new Date(
    Date.UTC(
      Number(w.year),
      Number(w.month) - 1,
      Number(w.day),
      withTime ? Number(w.hour) : 0,
      withTime ? Number(w.minute) : 0,
    ),
  );
}

/**
 * Belgian phone numbers as people write them, which Excel keeps as text: mobiles
 * `0470 12 34 56`, Brussels/Antwerp/Liège/Ghent `02 123 45 67`, other zones `050 12 34 56`.
 * Anything else is returned as it was typed.
 */
export function formatPhone(raw: string): string {
  const digits = raw
    .trim()
    .replace(/^(\+|00)32/, '0')
    .replace(/[\s./()-]/g, '');
  if (/^04\d{8}$/.test(digits)) return groups(digits, [4, 2, 2, 2]);
  if (/^0[2349]\d{7}$/.test(digits)) return groups(digits, [2, 3, 2, 2]);
  if (/^0\d{8}$/.test(digits)) return groups(digits, [3, 2, 2, 2]);
  return raw.trim();
}

function groups(digits: string, sizes: number[]): string {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out.join(' ');
}

/** `YY.MM.DD-XXX.CC` from the 11 digits. */
export const nationalNumberText = (digits: string) => formatNationalNumber(digits);

// ---------------------------------------------------------------- labels and file names

export const TRACK_FILE_NAMES: Record<Track, string> = {
  secondary: 'secundair',
  adult: 'volwassenen',
  dual: 'duaal',
};

const LIST_FILE_NAMES: Record<ExportList, string> = {
  'school-students': 'leerlingen',
  'service-requests': 'stagevragen',
  'admin-students': 'alle-leerlingen',
  'admin-organisations': 'organisaties',
  'admin-history': 'beslissingen',
};

/** `stagevragen-secundair-open-2026-10-05.csv`: what it is, and of which day (Brussels). */
export function exportFileName(
  list: ExportList,
  filters: { track?: Track; tab?: 'open' | 'accepted' },
  format: ExportFormat,
  now: Date,
): string {
  const parts = [LIST_FILE_NAMES[list]];
  if (filters.track) parts.push(TRACK_FILE_NAMES[filters.track]);
  if (list === 'service-requests') parts.push(filters.tab === 'accepted' ? 'aanvaard' : 'open');
  parts.push(brusselsDay(now));
  return `${parts.join('-')}.${format}`;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A `Content-Disposition` value that names the file; export file names are plain ASCII. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`;
}
