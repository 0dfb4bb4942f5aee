import ExcelJS from 'exceljs';
import { FORM_LABELS, PROGRAMME_LABELS, TRACK_LABELS, TRANSPORT_LABELS } from '#contract/labels';
import type { Track } from '#contract/organisations';
import { STUDENT_IMPORT_COLUMNS } from '#contract/student-imports';
import { brusselsDate } from '#kernel/time';

type Column = (typeof STUDENT_IMPORT_COLUMNS)[number];

const DAY = 86_400_000;
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * One example row, in the words the import reads: the school's own first track and supervisor,
 * and a four-week period starting on a Monday about a month from now (no school year spelt here).
 */
export function exampleRow(
  school: { tracks: readonly Track[]; supervisorName?: string },
  now: Date,
): Record<Column, string> {
  const inAMonth = new Date(now.getTime() + 30 * DAY);
  const monday = new Date(inAMonth.getTime() + ((8 - inAMonth.getUTCDay()) % 7) * DAY);
  const track = school.tracks[0] ?? 'secondary';
  return {
    Opleidingsvorm: TRACK_LABELS[track],
    Programma: track === 'secondary' ? PROGRAMME_LABELS.seventh_year : '',
    Voornaam: 'Anke',
    Achternaam: 'Voorbeeld',
    Rijksregisternummer: '85.07.30-033.28',
    'E-mail': 'anke.voorbeeld@example.com',
    Telefoon: '0470 12 34 56',
    'Straat en nummer': 'Stationsstraat 12',
    Postcode: '3500',
    Gemeente: 'Hasselt',
    'Provincie stage': 'Limburg',
    Vervoer: `${TRANSPORT_LABELS.bike}, ${TRANSPORT_LABELS.public_transport}`,
    Opmerkingen: '',
    Stagebegeleider: school.supervisorName ?? 'Naam van een stagebegeleider van je school',
    Stagevorm: FORM_LABELS.block,
    'Uren per week': '19',
    'Totaal aantal uren': '80',
    'Periode 1 start': dmy(brusselsDate(monday)),
    'Periode 1 einde': dmy(brusselsDate(new Date(monday.getTime() + 25 * DAY))),
    'Periode 2 start': '',
    'Periode 2 einde': '',
    Weekdagen: track === 'dual' ? 'maandag, dinsdag' : '',
    'Opmerkingen stage': '',
    Voorkeursdienst: '',
  };
}

const csvCell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The sheet as Belgian Excel opens a CSV: UTF-8 with BOM, `;` between cells. */
export function studentTemplateCsv(example: Record<Column, string>): string {
  const lines = [STUDENT_IMPORT_COLUMNS, STUDENT_IMPORT_COLUMNS.map((c) => example[c])];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** The same sheet as XLSX: text cells (Excel leaves a national number and a date as typed), frozen titles. */
export async function studentTemplateXlsx(example: Record<Column, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leerlingen', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = STUDENT_IMPORT_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: Math.max(14, c.length + 2),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(example);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
