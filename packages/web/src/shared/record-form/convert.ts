/** Form strings to API values and back. */
export const nullIfEmpty = (value: string): string | null => (value.trim() ? value.trim() : null);

/** One alias per line; blank lines dropped. */
export const linesOf = (value: string): string[] =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** «1 234,5» or «1234.5» → 1234.5; undefined when it is not a number. */
export function parseRussianNumber(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A number as form text; null → ''. */
export const numberText = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value).replace('.', ',');
