/**
 * CSV writing for tables people download (RFC 4180), safe to open in a spreadsheet.
 *
 * - A cell is quoted when it holds a comma, a double quote, CR or LF; quotes inside are doubled.
 * - Rows end with CRLF, the RFC's line break, including the last one.
 * - Formula injection: a text cell starting with = + - @ tab or CR would be run as a formula by
 *   spreadsheet programs, so it gets a leading single quote ("'=SUM(A1)"), which they show as text.
 *   Numbers are written as numbers and never prefixed: -3 is a value, not a formula.
 * - null and undefined are empty cells; booleans are "true" / "false"; non-finite numbers are
 *   empty (a spreadsheet cannot read "NaN" as a number, and a blank says "no value").
 * Pure; never throws.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralized and quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row, with its CRLF line break. */
export function csvRow(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole table: the header row, then the rows. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvRow(header) + rows.map(csvRow).join("");
}
