/**
 * Finds a quote in a source text, tolerant of whitespace differences: press
 * releases mix regular and non-breaking spaces and line breaks, and a quote
 * typed by a person will not reproduce them. Returns the exact span of the
 * text, so the interface can mark it, or null when the quote is absent.
 */
export interface TextSpan {
  start: number;
  end: number;
  /** The text as it stands in the source between start and end. */
  text: string;
}

const WHITESPACE = /[\s\u00A0]+/gu;

/**
 * The text with every run of whitespace collapsed to one space, and for each
 * character of it the offset of the character it came from in the original.
 */
function collapse(text: string): { collapsed: string; origin: Int32Array } {
  const origin = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let length = 0;
  let last = 0;
  for (const match of text.matchAll(WHITESPACE)) {
    const word = text.slice(last, match.index);
    for (let k = 0; k < word.length; k++) origin[length + k] = last + k;
    parts.push(word, ' ');
    length += word.length;
    origin[length++] = match.index;
    last = match.index + match[0].length;
  }
  const tail = text.slice(last);
  for (let k = 0; k < tail.length; k++) origin[length + k] = last + k;
  parts.push(tail);
  return { collapsed: parts.join(''), origin };
}

/**
 * Linear in the text's length: the whitespace of both sides is collapsed and
 * the quote searched with indexOf. (A regular expression with a `\s+` between
 * every word backtracked: a 2,000-character quote against a 660,000-character
 * source took seconds and blocked the server meanwhile.)
 */
export function locateQuote(text: string, quote: string): TextSpan | null {
  return quoteLocator(text)(quote);
}

/** For many quotes in one text: the text is collapsed once. */
export function quoteLocator(text: string): (quote: string) => TextSpan | null {
  let prepared: ReturnType<typeof collapse> | undefined;
  return (quote) => {
    const needle = quote.trim().split(WHITESPACE).filter(Boolean).join(' ');
    if (needle.length === 0) return null;
    prepared ??= collapse(text);
    return find(text, prepared, needle);
  };
}

function find(
  text: string,
  { collapsed, origin }: ReturnType<typeof collapse>,
  needle: string,
): TextSpan | null {
  const at = collapsed.indexOf(needle);
  if (at < 0) return null;
  const start = origin[at]!;
  // The needle ends with a non-space character, which maps to exactly one original character.
  const end = origin[at + needle.length - 1]! + 1;
  return { start, end, text: text.slice(start, end) };
}
