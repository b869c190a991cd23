// RFC 4180 CSV cells, with spreadsheet formula injection neutralised (OWASP "CSV Injection"):
// a text cell starting with = + - @ tab or CR is prefixed with a single quote.
export type CsvCell = string | number | boolean | null;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
