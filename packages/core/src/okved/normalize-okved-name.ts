/**
 * Normalises an ОКВЭД2 activity name for matching names from statistical
 * tables to the classifier: Rosstat writes sections in capitals, indents names
 * with spaces, and quotes, dashes and «ё» vary between exports. Case, ё/е,
 * quotes, dashes and whitespace (including no-break spaces) are levelled; a
 * trailing full stop is dropped.
 */
export function normalizeOkvedName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»„“”‘’`]/g, '')
    .replace(/\s*[-\u2010-\u2015\u2212]\s*/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\s*([,;:])\s*/g, '$1 ')
    .trim()
    .replace(/\.$/, '')
    .trim();
}
