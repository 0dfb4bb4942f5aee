import * as z from '#kernel/zod';
import { IMPORT_KINDS } from './import-columns';

export { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind, OPTIONAL_IMPORT_COLUMNS } from './import-columns';

/** About 5 MB of file, sent as base64. */
const MAX_BASE64 = 7_000_000;

export const ImportInput = z.object({
  kind: z.enum(IMPORT_KINDS, 'Kies diensten of scholen.'),
  filename: z.string().trim().min(1, 'Kies een bestand.').max(200, 'Maximaal 200 tekens.'),
  file: z
    .string('Kies een bestand.')
    .min(1, 'Het bestand is leeg.')
    .max(MAX_BASE64, 'Het bestand is te groot (hoogstens 5 MB).')
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'Het bestand kwam niet goed door: probeer opnieuw.'),
  commit: z.boolean().optional().default(false),
  /** With `commit`: also invite a first person per organisation, at the organisation's e-mail. */
  invite: z.boolean().optional().default(false),
});
export type ImportInput = z.output<typeof ImportInput>;

export const ImportRowError = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: z.number(),
  /** The Dutch column header. */
  field: z.string(),
  message: z.string(),
});
export type ImportRowError = z.output<typeof ImportRowError>;

export const ImportResult = z.object({
  /** Rows that are (or, in a dry run, would be) imported. */
  valid: z.number(),
  errors: z.array(ImportRowError),
  /** Rows whose e-mail already belongs to an organisation: left alone. */
  existing: z.number(),
  imported: z.number(),
  invited: z.number(),
  committed: z.boolean(),
});
export type ImportResult = z.output<typeof ImportResult>;

export const ImportTemplateQuery = z.object({ kind: z.enum(IMPORT_KINDS, 'Kies diensten of scholen.') });
