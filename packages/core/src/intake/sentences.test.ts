import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('splits at full stops before a capital and keeps offsets into the text', () => {
    const text = 'Первое предложение. Второе! Третье?';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Первое предложение.', 'Второе!', 'Третье?']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('does not split after abbreviations and initials', () => {
    const text = 'Завод в г. Липецк открыл А. Шпиленко. Затем выступил губернатор.';
    expect(splitSentences(text).map((x) => x.text)).toEqual([
      'Завод в г. Липецк открыл А. Шпиленко.',
      'Затем выступил губернатор.',
    ]);
  });

  it('splits at line breaks and after closing quotes', () => {
    expect(splitSentences('Заголовок\nТекст «цитата.» Дальше.').map((x) => x.text)).toEqual([
      'Заголовок',
      'Текст «цитата.»',
      'Дальше.',
    ]);
  });
});
