/**
 * The end (exclusive) of a quoted name opening at `open` («…», „…“, "…"),
 * nesting included. Russian typography often drops the outer closing quote
 * of a nested name («Центр консалтинга «Панацея»), so an inner closing quote
 * followed by punctuation, a digit or a lower-case word closes all. Returns
 * -1 when the quote does not close within the line.
 */
export function quoteEnd(text: string, open: number): number {
  const q = text[open];
  if (q === '"' || q === '“' || q === '”') {
    for (let i = open + 1; i < text.length && i < open + 200; i++) {
      const c = text[i];
      if (c === '\n') return -1;
      if (c === '"' || c === '”' || c === '“') return i + 1;
    }
    return -1;
  }
  const close = q === '„' ? '“' : '»';
  let depth = 0;
  for (let i = open; i < text.length && i < open + 300; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === q) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i + 1;
      const after = /^\s*(\S)/.exec(text.slice(i + 1, i + 4))?.[1] ?? '';
      if (after !== close && (after === '' || /[,.;:()\d\p{Ll}—–-]/u.test(after))) return i + 1;
    }
  }
  return -1;
}

/** The name inside quotes, with every quote mark removed. */
export function unquote(s: string): string {
  return s
    .replace(/[«»„“”"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
