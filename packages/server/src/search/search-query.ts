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
