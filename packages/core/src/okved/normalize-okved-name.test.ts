import { describe, expect, it } from 'vitest';
import { normalizeOkvedName } from './normalize-okved-name.ts';

describe('normalizeOkvedName', () => {
  it('levels case, indentation, quotes, ё and spacing around punctuation', () => {
    expect(normalizeOkvedName('    Торговля оптовая , кроме «оптовой» торговли  ')).toBe(
      normalizeOkvedName('ТОРГОВЛЯ ОПТОВАЯ, КРОМЕ ОПТОВОЙ ТОРГОВЛИ'),
    );
    expect(normalizeOkvedName('Производство пищевых продуктов.')).toBe(
      'производство пищевых продуктов',
    );
    expect(normalizeOkvedName('Учёт\u00a0—  анализ')).toBe('учет-анализ');
  });
});
