// Apart from the use cases: the template route must not carry the spreadsheet reader.
/** An empty sheet with the headers, as the sector's Excel opens it (UTF-8 with BOM, `;`). */
export function importTemplate(columns: readonly string[]): string {
  return `\uFEFF${columns.join(';')}\r\n`;
}
