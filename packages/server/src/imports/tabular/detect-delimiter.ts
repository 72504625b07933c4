/** Field separators a CSV may use: Excel writes «,» or, in a Russian locale, «;»; tab for «Текст». */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Lines (records) looked at; enough to see whether a separator is used consistently. */
const SAMPLE_LINES = 20;

/**
 * Chooses the field separator from the first lines, ignoring anything inside
 * double quotes: the separator that occurs the same number of times on the
 * most lines wins (a decimal comma in a `;` file varies from row to row, the
 * separator does not), then the one more frequent on the first line, then
 * `fallback` (for a one-column file) and the order of DELIMITERS.
 */
export function detectDelimiter(text: string, fallback: Delimiter = ','): Delimiter {
  const sample = text
    .slice(0, 65536)
    .replace(/^\uFEFF/, '')
    // A quoted field may hold separators and line breaks; an unclosed quote at the
    // end of the sample is cut off with the rest of its line.
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/"[^"]*$/, '');
  const lines = sample
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, SAMPLE_LINES);
  let best: { delimiter: Delimiter; consistent: number; first: number } | undefined;
  const order = [fallback, ...DELIMITERS.filter((d) => d !== fallback)];
  for (const delimiter of order) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    const consistent = Math.max(0, ...frequency.values());
    if (consistent === 0) continue;
    const first = counts[0] ?? 0;
    if (
      !best ||
      consistent > best.consistent ||
      (consistent === best.consistent && first > best.first)
    )
      best = { delimiter, consistent, first };
  }
  return best?.delimiter ?? fallback;
}
