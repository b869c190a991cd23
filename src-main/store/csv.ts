// RFC 4180 CSV with spreadsheet formula injection neutralised (OWASP "CSV Injection",
// https://owasp.org/www-community/attacks/CSV_Injection). Every cell is quoted, so a separator
// inside a value never starts a new cell for an RFC 4180 reader. Spreadsheets that split on
// another separator (a `;` locale, "text to columns", a paste) would still start a cell after
// it, so a formula trigger at the start of the value or after any separator character is
// prefixed with a single quote, which spreadsheets read as "this is text".
export type CsvCell = string | number | boolean | null;

// Lookahead: = + - @ start a formula; tab and CR are stripped by some importers, exposing what
// follows. Boundary: the start of the value, or a character a spreadsheet may treat as a cell or
// row boundary (, ; | tab CR LF, and " which opens a quoted cell), then any spaces an importer
// may trim.
const TRIGGER_AT_CELL_START = /(?<=^|[,;|\t\r\n"])( *)(?=[=+\-@\t\r])/g;

export function neutraliseFormulas(text: string): string {
  return text.replace(TRIGGER_AT_CELL_START, "'$1");
}

export function csvCell(value: CsvCell): string {
  if (value === null) return '""';
  // Numbers and booleans come from the station's own fields, never from a person's input.
  const text = typeof value === 'string' ? neutraliseFormulas(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
