import * as z from '#kernel/zod';
import { IMPORT_JOB_STATUSES, IMPORT_KINDS, IMPORT_ROW_OUTCOMES } from './import-columns';

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

/** What the import did with one row of the file, as the spreadsheet numbers it. */
export const ImportRowResult = z.object({
  row: z.number(),
  name: z.string(),
  email: z.string(),
  outcome: z.enum(IMPORT_ROW_OUTCOMES),
  /** A first person was invited at the organisation's address (`invite`). */
  invited: z.boolean(),
  /** Why a row was skipped or refused, or why its invitation was not sent (Dutch). */
  messages: z.array(z.string()),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

/**
 * An import that runs in the background (`202` from `POST /api/admin/imports`, then
 * `GET /api/admin/imports/{id}`): progress while it runs, every row's outcome once it stopped.
 */
export const ImportJobView = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  filename: z.string(),
  invite: z.boolean(),
  status: z.enum(IMPORT_JOB_STATUSES),
  /** Data rows of the file (valid, existing and wrong alike); `processed` of them are done. */
  total: z.number(),
  processed: z.number(),
  created: z.number(),
  skipped: z.number(),
  refused: z.number(),
  invited: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  /** Present once the import stopped (done or interrupted), in row order. */
  rows: z.array(ImportRowResult).optional(),
  /** Why it stands still, for `interrupted`. */
  message: z.string().optional(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;

export const ImportJobPath = z.object({ id: z.string().min(1).max(64) });

export const ImportTemplateQuery = z.object({ kind: z.enum(IMPORT_KINDS, 'Kies diensten of scholen.') });
