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

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

export function locateQuote(text: string, quote: string): TextSpan | null {
  const words = quote
    .trim()
    .split(/[\s\u00A0]+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(
    words.map((w) => w.replace(ESCAPE, '\\$&')).join('[\\s\\u00A0]+'),
    'u',
  );
  const match = pattern.exec(text);
  if (!match) return null;
  return { start: match.index, end: match.index + match[0].length, text: match[0] };
}
