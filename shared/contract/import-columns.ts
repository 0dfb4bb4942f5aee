/** The import's kinds and columns, without zod: the web reads them too. */
export const IMPORT_KINDS = ['services', 'schools'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Dutch column headers, as the export writes them; any order, case and accents do not matter. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  services: ['Naam', 'E-mail', 'Provincie', 'Sector', 'Straat', 'Postcode', 'Gemeente', 'Contactpersoon'],
  schools: ['Naam', 'E-mail', 'Opleidingen', 'Straat', 'Postcode', 'Gemeente', 'Contactpersoon'],
};
/** Columns a file may leave out: the name of the person to invite (the organisation's name otherwise). */
export const OPTIONAL_IMPORT_COLUMNS = ['Contactpersoon'];

/** What an import did with a row: created it, left it alone (its address exists), or refused it. */
export const IMPORT_ROW_OUTCOMES = ['created', 'skipped', 'refused'] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

/** Where an import in the background stands; `interrupted` waits for "Verder importeren". */
export const IMPORT_JOB_STATUSES = ['pending', 'running', 'interrupted', 'done'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
