import type { Span } from './types.ts';

/**
 * Abbreviations after which a full stop does not end a sentence: 'г. Липецк',
 * 'ул. Ленина', 'т. е.', 'млн. рублей', initials are handled separately.
 */
const NO_BREAK_AFTER = new Set([
  'г',
  'гг',
  'ул',
  'пр',
  'просп',
  'пер',
  'д',
  'обл',
  'респ',
  'р-н',
  'с',
  'п',
  'пос',
  'дер',
  'ст',
  'т',
  'е',
  'др',
  'пр',
  'им',
  'млн',
  'млрд',
  'трлн',
  'тыс',
  'руб',
  'коп',
  'долл',
  'см',
  'рис',
  'тел',
  'ок',
  'акад',
  'проф',
  'доц',
  'св',
  'гос',
  'мин',
  'зам',
  'ген',
  'гл',
  'г-н',
  'г-жа',
  'н',
  'э',
  'вв',
  'в',
  'стр',
  'кв',
  'корп',
  'оф',
  'каб',
  'чел',
  'ед',
  'шт',
  'кг',
  'км',
]);

/**
 * Splits a text into sentences: a break after . ! ? … (and closing quotes or
 * brackets) followed by space and an upper-case letter, digit or opening
 * quote, and at every blank line or line break. Not after an abbreviation
 * from the list or a single upper-case initial ('А. Шпиленко').
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  const re = /([.!?…]+)([»"”)\]]*)(\s+)(?=[«"„“(]?[\p{Lu}\d])|\n+/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (m[0].startsWith('\n')) {
      push(at);
      start = at + m[0].length;
      continue;
    }
    if (m[1] === '.') {
      const before = text.slice(Math.max(0, at - 12), at);
      const word = /([\p{L}-]+)$/u.exec(before)?.[1] ?? '';
      if (NO_BREAK_AFTER.has(word.toLowerCase())) continue;
      if (/^\p{Lu}$/u.test(word)) continue;
    }
    const end = at + m[1]!.length + m[2]!.length;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}
