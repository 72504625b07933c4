/**
 * An indicator value as written in a file: null for an empty cell, undefined
 * when the text is not a number. Accepts a decimal comma («1,5») and spaces
 * (also no-break and narrow no-break) between digit groups («1 234,5»), as
 * Russian spreadsheets write numbers.
 */
export function parseIndicatorNumber(text: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const normalised = /^[+-]?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}
