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
