import * as z from '#kernel/zod';

/**
 * The columns of a school's student sheet, with the Dutch titles the template writes on its first
 * row. Any order; case, accents and spaces do not matter. Periods beyond the first are optional
 * columns (`Periode 2 start`, …), up to the four the form allows.
 */
export const STUDENT_IMPORT_COLUMNS = [
  'Opleidingsvorm',
  'Programma',
  'Voornaam',
  'Achternaam',
  'Rijksregisternummer',
  'E-mail',
  'Telefoon',
  'Straat en nummer',
  'Postcode',
  'Gemeente',
  'Provincie stage',
  'Vervoer',
  'Opmerkingen',
  'Stagebegeleider',
  'Stagevorm',
  'Uren per week',
  'Totaal aantal uren',
  'Periode 1 start',
  'Periode 1 einde',
  'Periode 2 start',
  'Periode 2 einde',
  'Weekdagen',
  'Opmerkingen stage',
  'Voorkeursdienst',
] as const;

/** Columns a sheet may leave out: derived (province from the postcode) or only for some tracks. */
export const OPTIONAL_STUDENT_IMPORT_COLUMNS: readonly string[] = [
  'Opleidingsvorm',
  'Programma',
  'Provincie stage',
  'Opmerkingen',
  'Uren per week',
  'Periode 2 start',
  'Periode 2 einde',
  'Weekdagen',
  'Opmerkingen stage',
  'Voorkeursdienst',
];

/**
 * At most this many students per file, checked and created in one request: a school enters a
 * class or a year's group at a time, and this many fit well within one request's time.
 */
export const MAX_STUDENT_IMPORT_ROWS = 250;

/** About 2 MB of file, sent as base64. */
const MAX_BASE64 = 2_800_000;

/** `POST /api/students/imports`: a dry run unless `commit`. */
export const StudentImportInput = z.object({
  filename: z.string().trim().min(1, 'Kies een bestand.').max(200, 'Maximaal 200 tekens.'),
  file: z
    .string('Kies een bestand.')
    .min(1, 'Het bestand is leeg.')
    .max(MAX_BASE64, 'Het bestand is te groot (hoogstens 2 MB).')
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'Het bestand kwam niet goed door: probeer opnieuw.'),
  commit: z.boolean().optional().default(false),
});
export type StudentImportInput = z.output<typeof StudentImportInput>;

export const STUDENT_TEMPLATE_FORMATS = ['csv', 'xlsx'] as const;
export const StudentImportTemplateQuery = z.object({
  format: z.enum(STUDENT_TEMPLATE_FORMATS, 'Kies CSV of XLSX.').optional().default('xlsx'),
});

const StudentImportError = z.object({
  /** The row as the spreadsheet numbers it (the titles are row 1). */
  row: z.number().int(),
  /** The Dutch column title. */
  field: z.string(),
  message: z.string(),
});
export type StudentImportError = z.output<typeof StudentImportError>;

/** The dry run: how many rows would be created, and every problem by row and column. */
export const StudentImportCheck = z.object({ valid: z.number().int(), errors: z.array(StudentImportError) });
export type StudentImportCheck = z.output<typeof StudentImportCheck>;

/** The commit: what was created, and the rows left alone because the student exists already. */
export const StudentImportResult = StudentImportCheck.extend({
  created: z.number().int(),
  skipped: z.number().int(),
});
export type StudentImportResult = z.output<typeof StudentImportResult>;

/** `POST /api/students/imports` answers the check, or with `commit` the result. */
export const StudentImportAnswer = z.union([StudentImportResult, StudentImportCheck]);
