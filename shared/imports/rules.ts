import {
  IMPORT_COLUMNS,
  type ImportKind,
  type ImportRowError,
  OPTIONAL_IMPORT_COLUMNS,
} from '#contract/imports';
import { type NewOrganisation, NewSchool, NewService, type Track } from '#contract/organisations';
import { PROVINCE_LABELS, type Province } from '#contract/provinces';
import { fold } from '#kernel/text';

export interface ImportCandidate {
  row: number;
  organisation: NewOrganisation;
  contactName?: string;
}

const key = (header: string) => fold(header).replace(/[^a-z]/g, '');

const PROVINCE_BY_NAME = new Map<string, Province>(
  Object.entries(PROVINCE_LABELS).flatMap(([id, label]) => [
    [key(label), id as Province],
    [key(id), id as Province],
  ]),
);
// Brussels is written several ways in the sector's lists.
PROVINCE_BY_NAME.set('brusselshoofdstedelijkgewest', 'brussel');
PROVINCE_BY_NAME.set('bruxelles', 'brussel');

const SECTOR_BY_NAME = new Map<string, 'social_profit' | 'local_government'>([
  ['socialprofit', 'social_profit'],
  ['lokaalbestuur', 'local_government'],
  ['locaalbestuur', 'local_government'],
  ['openbaar', 'local_government'],
]);

const TRACK_BY_NAME = new Map<string, Track>([
  ['secundair', 'secondary'],
  ['secundaironderwijs', 'secondary'],
  ['volwassenenonderwijs', 'adult'],
  ['cvo', 'adult'],
  ['duaal', 'dual'],
  ['duaalleren', 'dual'],
]);

/** Which schema field a column fills, to put a schema's complaint on the right column. */
const FIELD_COLUMN: Record<string, string> = {
  name: 'Naam',
  email: 'E-mail',
  province: 'Provincie',
  sector: 'Sector',
  tracks: 'Opleidingen',
  'address.street': 'Straat',
  'address.postcode': 'Postcode',
  'address.city': 'Gemeente',
};

/**
 * Turns the rows of an uploaded sheet (the first row its headers) into organisations to create
 * and errors per row and column, in Dutch. A row is either a candidate or has errors, never both.
 */
export function readImportRows(
  kind: ImportKind,
  rows: string[][],
): { candidates: ImportCandidate[]; errors: ImportRowError[] } {
  const [header = [], ...body] = rows;
  const index = new Map(header.map((h, i) => [key(h), i]));
  const missing = IMPORT_COLUMNS[kind].filter(
    (c) => !OPTIONAL_IMPORT_COLUMNS.includes(c) && !index.has(key(c)),
  );
  if (missing.length > 0) {
    return {
      candidates: [],
      errors: missing.map((field) => ({
        row: 1,
        field,
        message: `De kolom "${field}" ontbreekt in de eerste rij.`,
      })),
    };
  }
  const cell = (r: string[], column: string) => (r[index.get(key(column)) ?? -1] ?? '').trim();
  const candidates: ImportCandidate[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  body.forEach((r, i) => {
    const row = i + 2;
    if (r.every((c) => c.trim() === '')) return;
    const rowErrors: ImportRowError[] = [];
    const fail = (field: string, message: string) => rowErrors.push({ row, field, message });
    const address = { street: cell(r, 'Straat'), postcode: cell(r, 'Postcode'), city: cell(r, 'Gemeente') };
    let raw: Record<string, unknown>;
    if (kind === 'services') {
      const provinceText = cell(r, 'Provincie');
      const province = PROVINCE_BY_NAME.get(key(provinceText));
      if (!province)
        fail('Provincie', provinceText ? `Onbekende provincie "${provinceText}".` : 'Vul de provincie in.');
      const sectorText = cell(r, 'Sector');
      const sector = SECTOR_BY_NAME.get(key(sectorText));
      if (!sector) fail('Sector', 'Vul "social profit" of "lokaal bestuur" in.');
      raw = { type: 'service', name: cell(r, 'Naam'), email: cell(r, 'E-mail'), address, province, sector };
    } else {
      const words = cell(r, 'Opleidingen')
        .split(/[,;/]/)
        .map((w) => w.trim())
        .filter(Boolean);
      const tracks = words.map((w) => TRACK_BY_NAME.get(key(w)));
      const unknown = words.filter((_, j) => !tracks[j]);
      if (unknown.length > 0)
        fail(
          'Opleidingen',
          `Onbekende opleiding "${unknown[0]}": gebruik secundair, volwassenenonderwijs of duaal.`,
        );
      raw = {
        type: 'school',
        name: cell(r, 'Naam'),
        email: cell(r, 'E-mail'),
        address,
        tracks: tracks.filter(Boolean),
      };
    }
    const parsed = (kind === 'services' ? NewService : NewSchool).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELD_COLUMN[issue.path.join('.')];
        // A column already reported above (unknown province) needs no second message.
        if (field && !rowErrors.some((e) => e.field === field)) fail(field, issue.message);
      }
    }
    const email = parsed.success ? parsed.data.email : cell(r, 'E-mail').toLowerCase();
    const earlier = seen.get(email);
    if (email && earlier !== undefined) fail('E-mail', `Dit e-mailadres staat al op rij ${earlier}.`);
    else if (email) seen.set(email, row);
    if (rowErrors.length > 0 || !parsed.success) {
      errors.push(...rowErrors);
      return;
    }
    const contactName = cell(r, 'Contactpersoon');
    candidates.push({ row, organisation: parsed.data, ...(contactName ? { contactName } : {}) });
  });
  return { candidates, errors };
}

/** The name and address a row shows, as typed, to name a refused row in the import's result. */
export function rowLabel(rows: string[][], row: number): { name: string; email: string } {
  const [header = []] = rows;
  const at = (column: string) => header.findIndex((h) => key(h) === key(column));
  const cells = rows[row - 1] ?? [];
  return { name: (cells[at('Naam')] ?? '').trim(), email: (cells[at('E-mail')] ?? '').trim() };
}

/**
 * The data rows of a file in order, each either an organisation to import or the errors that
 * refuse it (the header's own errors, row 1, are not a row to process).
 */
export function importWork(
  candidates: ImportCandidate[],
  errors: ImportRowError[],
): ({ row: number; candidate: ImportCandidate } | { row: number; errors: ImportRowError[] })[] {
  const refused = new Map<number, ImportRowError[]>();
  for (const e of errors) {
    if (e.row > 1) refused.set(e.row, [...(refused.get(e.row) ?? []), e]);
  }
  return [
    ...candidates.map((candidate) => ({ row: candidate.row, candidate })),
    ...[...refused].map(([row, rowErrors]) => ({ row, errors: rowErrors })),
  ].sort((a, b) => a.row - b.row);
}
