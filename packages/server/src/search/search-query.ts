/**
 * Turns what a person typed into a PostgreSQL tsquery string: letters and
 * digits only (so no input can break tsquery syntax), words joined with AND,
 * the last word as a prefix so results appear as you type («Липец» finds
 * «Липецкая»). Stemming is left to to_tsquery('russian', …).
 */
export function toPrefixTsQuery(input: string): string | null {
  const words =
    input
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const usable = words.filter((w) => w.length > 0).slice(0, 8);
  if (usable.length === 0) return null;
  return usable.map((w, i) => (i === usable.length - 1 ? `${w}:*` : w)).join(' & ');
}

/** The words of the query for trigram matching, lowercased and space-joined. */
export function toFuzzyText(input: string): string | null {
  const words =
    input
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 8).join(' ') : null;
}

/**
 * The tsquery of a typo search after correction: each typed word OR its
 * closest known words (search-words.repository.ts), the groups joined with
 * AND, the last typed word still a prefix. Known words consist of letters and
 * digits only (split so when collected), so they cannot break tsquery syntax.
 */
export function toCorrectedTsQuery(words: string[], corrections: string[][]): string {
  return words
    .map((w, i) => {
      const own = i === words.length - 1 ? `${w}:*` : w;
      return `(${[own, ...(corrections[i] ?? [])].join(' | ')})`;
    })
    .join(' & ');
}
