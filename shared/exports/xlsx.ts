import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import { type CellKind, XLSX_FORMATS, xlsxFormat } from './rules';

/**
 * A streaming XLSX writer of our own over fflate's streaming zip: one sheet whose rows go into the
 * zip (and on to `out`) as they come, with what the exports need and no more: typed cells (text
 * inline, numbers, dates as Excel serials with their format), a bold frozen header with a filter,
 * and column widths. Why not exceljs here (docs/design.md, "Exports"): a tenth of its weight and of its
 * time per row; exceljs stays for reading imports.
 */
export interface XlsxColumn {
  header: string;
  kind: CellKind;
  width: number;
}

export type XlsxValue = string | number | Date | null;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot hold, whatever the escaping. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const escapeXml = (text: string) =>
  text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's serial day number: days since 30 December 1899, the wall clock written as UTC. */
const serial = (date: Date) => date.getTime() / 86_400_000 + 25_569;

/** What `xlsxFormat` gives a number with decimals. */
const FRACTION = xlsxFormat('number', 0.5);

/** Custom number formats get ids from 164 on; `@` (text) is Excel's built-in 49. */
function stylesOf(columns: readonly XlsxColumn[]) {
  const formats = [
    ...new Set([...columns.map((c) => XLSX_FORMATS[c.kind]), FRACTION].filter((f) => f && f !== '@')),
  ] as string[];
  const formatId = (format: string | undefined) =>
    !format ? 0 : format === '@' ? 49 : 164 + formats.indexOf(format);
  // Style 0: default; 1: the bold header; then one per column kind.
  const kinds = [...new Set(columns.map((c) => c.kind))];
  const styleOf = new Map(kinds.map((kind, i) => [kind, i + 2]));
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    ...kinds.map(
      (kind) =>
        `<xf numFmtId="${formatId(XLSX_FORMATS[kind])}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    ),
    // Last: a number with decimals (hours: 600,5), whose column shows whole numbers without a comma.
    `<xf numFmtId="${formatId(FRACTION)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
  ];
  const fractionStyle = xfs.length - 1;
  const xml =
    `${XML}<styleSheet xmlns="${MAIN}">` +
    `<numFmts count="${formats.length}">${formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join('')}</numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>';
  return { xml, styleOf, fractionStyle };
}

function packageFiles(sheetName: string, lastColumn: string, styles: string): [string, string][] {
  const name = escapeXml(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Blad1');
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>` +
        // The filter's range, as Excel itself records it.
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${name.replace(/'/g, "''")}'!$A$1:$${lastColumn}$1</definedName></definedNames></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PACKAGE_RELS}">` +
        `<Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${RELS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', styles],
  ];
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Starts the workbook on `out`: `addRows` as often as needed, then `end`. */
export function streamXlsx(out: Writable, columns: readonly XlsxColumn[], sheetName: string) {
  const names = columns.map((_, i) => columnName(i));
  const lastColumn = names.at(-1) ?? 'A';
  const { xml: styles, styleOf, fractionStyle } = stylesOf(columns);
  const styleIds = columns.map((c) => styleOf.get(c.kind)!);
  let failure: Error | null = null;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      out.destroy(error);
      finished();
      return;
    }
    out.write(chunk);
    if (final) {
      out.end();
      finished();
    }
  });
  for (const [name, content] of packageFiles(sheetName, lastColumn, styles)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(utf8(content), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);

  let row = 1;
  const cell = (value: XlsxValue, column: number, style: number) => {
    const ref = `${names[column]}${row}`;
    if (value === null || value === '') return '';
    if (typeof value === 'number')
      return Number.isFinite(value) ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : '';
    if (value instanceof Date) return `<c r="${ref}" s="${style}"><v>${serial(value)}</v></c>`;
    return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  };
  const header =
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1" style="${styleIds[i]}"/>`).join('')}</cols>` +
    `<sheetData><row r="1">${columns.map((c, i) => cell(c.header, i, 1)).join('')}</row>`;
  sheet.push(utf8(header));

  return {
    addRows(rows: readonly (readonly XlsxValue[])[]) {
      if (failure) throw failure;
      let xml = '';
      for (const values of rows) {
        row++;
        xml += `<row r="${row}">${values
          .map((v, i) =>
            cell(
              v,
              i,
              typeof v === 'number' && xlsxFormat(columns[i]!.kind, v) === FRACTION
                ? fractionStyle
                : styleIds[i]!,
            ),
          )
          .join('')}</row>`;
      }
      if (xml) sheet.push(utf8(xml));
    },
    async end() {
      sheet.push(utf8(`</sheetData><autoFilter ref="A1:${lastColumn}1"/></worksheet>`), true);
      zip.end();
      await done;
      if (failure) throw failure;
    },
  };
}
