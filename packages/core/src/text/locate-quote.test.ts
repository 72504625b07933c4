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

describe('locateQuote on long inputs', () => {
  // A source of 660,000 characters and a quote of 2,000 that matches almost everywhere:
  // the regular-expression search this replaced backtracked for over a second on it.
  const source = 'а \u00A0\n'.repeat(165_000);
  const nearMiss = `${'а '.repeat(999)}б`;

  // Its speed is a benchmark's to measure (a timed assertion fails on a loaded machine);
  // this checks the adversarial case is answered, and answered right.
  it('answers a 2,000-character near-miss quote against a 660,000-character source: not found', () => {
    expect(source.length).toBe(660_000);
    expect(locateQuote(source, nearMiss)).toBeNull();
  });

  it('still finds a long quote across mixed whitespace and maps it to the exact span', () => {
    const text = `Пролог.  ${source.slice(0, 5_000)}б  Эпилог.`;
    const span = locateQuote(text, `  ${'а '.repeat(1_250)}б `);
    expect(span?.start).toBe(9);
    expect(span?.end).toBe(5_010);
    expect(span?.text.endsWith('\nб')).toBe(true);
  });
});
