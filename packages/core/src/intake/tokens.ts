/** Word and punctuation tokens with their offsets; words keep inner hyphens ('Ханты-Мансийский'). */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Letters or digits (not punctuation). */
  word: boolean;
  /** First character is an upper-case letter. */
  upper: boolean;
  lower: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const UPPER = /^\p{Lu}/u;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const start = offset + (m.index ?? 0);
    tokens.push({
      text: t,
      start,
      end: start + t.length,
      word: /[\p{L}\p{N}]/u.test(t[0] ?? ''),
      upper: UPPER.test(t),
      lower: t.toLowerCase().replace(/ё/g, 'е'),
    });
  }
  return tokens;
}

/** Case-folded comparison form: lower case, ё as е. */
export function fold(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}
