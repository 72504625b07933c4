/**
 * Text written into CSV or XLSX that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3`) gets a leading apostrophe, the
 * OWASP recommendation for CSV injection: Excel and LibreOffice then show the
 * text as typed. Tab and carriage return are included because some programs
 * skip them before looking for a formula sign.
 *
 * Numbers stay numbers. A text that is exactly a number (`-12`, `+3.5`,
 * `-0,25`) cannot be a formula and is left alone, so CSV columns of
 * negative numbers written as text stay numeric.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

export function neutraliseSpreadsheetText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A cell value for an export: numbers and empty cells unchanged, text neutralised. */
export function spreadsheetCell<T extends string | number | boolean | null | undefined>(
  value: T,
): T {
  return (typeof value === 'string' ? neutraliseSpreadsheetText(value) : value) as T;
}
