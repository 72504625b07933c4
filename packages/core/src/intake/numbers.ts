import type { Qualifier } from './types.ts';

/** Number words (stems of every case form) → value. */
const UNITS: [RegExp, number][] = [
  [/^(один|одна|одно|одного|одной|одному|одним|одном|одну)$/, 1],
  [/^(два|две|двух|двум|двумя)$/, 2],
  [/^(три|трех|трём|трем|тремя)$/, 3],
  [/^(четыре|четырех|четырем|четырьмя)$/, 4],
  [/^(полтора|полторы|полутора)$/, 1.5],
  [/^пят(ь|и|ью)$/, 5],
  [/^шест(ь|и|ью)$/, 6],
  [/^сем(ь|и|ью)$/, 7],
  [/^восем(ь|и|ью)|восьми|восьмью$/, 8],
  [/^девят(ь|и|ью)$/, 9],
  [/^десят(ь|и|ью)$/, 10],
  [/^одиннадцат(ь|и)$/, 11],
  [/^двенадцат(ь|и)$/, 12],
  [/^пятнадцат(ь|и)$/, 15],
  [/^двадцат(ь|и)$/, 20],
  [/^тридцат(ь|и)$/, 30],
  [/^сорок(а)?$/, 40],
  [/^пятьдесят|пятидесяти$/, 50],
  [/^шестьдесят|шестидесяти$/, 60],
  [/^семьдесят|семидесяти$/, 70],
  [/^восемьдесят|восьмидесяти$/, 80],
  [/^девяносто|девяноста$/, 90],
  [/^(сто|ста)$/, 100],
  [/^двести|двухсот$/, 200],
  [/^триста|трехсот$/, 300],
  [/^пятьсот|пятисот$/, 500],
];

export function numberWord(word: string): number | undefined {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  for (const [re, v] of UNITS) if (re.test(w)) return v;
  return undefined;
}

/** '7,4' → 7.4; '1 500 000' → 1500000. */
export function parseDecimal(s: string): number {
  return Number(s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
}

/** A number written with digits (thousands separated by spaces, decimal comma) or up to two number words. */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`;

/** Qualifier words before a number, longest first. */
const QUALIFIERS: [RegExp, Qualifier][] = [
  [
    /(?:^|[\s(])(более\s+чем|не\s+менее(?:\s+чем)?|не\s+меньше|свыше|более|больше|от)\s*$/iu,
    'more_than',
  ],
  [/(?:^|[\s(])(не\s+более(?:\s+чем)?|не\s+больше|не\s+свыше|менее|меньше|до)\s*$/iu, 'up_to'],
  [
    /(?:^|[\s(])(почти|около|порядка|примерно|приблизительно|ориентировочно|где-то|чуть\s+более|чуть\s+менее|чуть\s+больше|около\s+и\s+более|в\s+среднем)\s*$/iu,
    'about',
  ],
];

/** The qualifier that ends right before `offset`, and where it starts. */
export function qualifierBefore(
  text: string,
  offset: number,
): { qualifier: Qualifier; start: number } | undefined {
  const before = text.slice(Math.max(0, offset - 24), offset);
  for (const [re, q] of QUALIFIERS) {
    const m = re.exec(before);
    if (m) {
      const word = m[1]!;
      const start = offset - before.length + (m.index ?? 0) + m[0].indexOf(word);
      // 'от 5 до 7' is a range, decided by the caller; a lone 'от' is not a qualifier.
      if (/^от$/i.test(word)) return undefined;
      return { qualifier: /^(чуть\s+более|чуть\s+больше)$/i.test(word) ? 'more_than' : q, start };
    }
  }
  return undefined;
}

/** Number words as a regular-expression source, for counts written in words ('два проекта'). */
export const NUMBER_WORD_SOURCE = String.raw`(?:один|одна|одно|одного|одной|одному|одну|два|две|двух|двум|двумя|три|трех|трёх|трем|тремя|четыре|четырех|четырёх|четырем|пять|пяти|шесть|шести|семь|семи|восемь|восьми|девять|девяти|десять|десяти|двадцать|двадцати|тридцать|тридцати|сорок|пятьдесят|сто|полтора|полторы)`;
