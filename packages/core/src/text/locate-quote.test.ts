import { describe, expect, it } from 'vitest';
import { locateQuote } from './locate-quote.ts';

describe('locateQuote', () => {
  const text = 'Сейчас в ОЭЗ работают 60\u00A0резидентов,\nи число их растёт.';
  it('finds a quote typed with plain spaces where the text has a non-breaking space and a line break', () => {
    const span = locateQuote(text, 'работают 60 резидентов, и число');
    expect(span).not.toBeNull();
    expect(text.slice(span!.start, span!.end)).toBe('работают 60\u00A0резидентов,\nи число');
    expect(span!.text).toBe(span && text.slice(span.start, span.end));
  });
  it('treats regular-expression characters in the quote literally', () => {
    expect(locateQuote('цена (до 50 %) указана', '(до 50 %)')?.start).toBe(5);
  });
  it('returns null when the quote is not in the text or is empty', () => {
    expect(locateQuote(text, '61 резидент')).toBeNull();
    expect(locateQuote(text, '   ')).toBeNull();
  });
});
