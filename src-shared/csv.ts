/**
 * The one way Waymark writes CSV. Every cell a spreadsheet could read as a formula is defused
 * (OWASP "CSV Injection"): a cell beginning with = + - @, a tab or a carriage return gets a
 * leading apostrophe, so `=cmd|' /C calc'!A0` arrives as text. Cells are then quoted where
 * RFC 4180 needs it. Numbers are written as they are (a negative number is data, not a formula).
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows, CRLF line ends (what spreadsheets expect). */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [fields, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}
