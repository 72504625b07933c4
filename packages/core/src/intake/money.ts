import { NUMBER_SOURCE, numberWord, parseDecimal, qualifierBefore } from './numbers.ts';
import type { MoneyMention, Qualifier } from './types.ts';

const SCALE = String.raw`(трлн\.?|триллион\p{L}*|млрд\.?|миллиард\p{L}*|млн\.?|миллион\p{L}*|тыс\.?|тысяч\p{L}*)`;
const RUB = String.raw`(рубл\p{L}*|руб\.?|₽|р\.)`;
const NUM = String.raw`(${NUMBER_SOURCE}|\p{L}+)`;

function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  const w = word.toLowerCase();
  if (w.startsWith('трлн') || w.startsWith('триллион')) return 1e12;
  if (w.startsWith('млрд') || w.startsWith('миллиард')) return 1e9;
  if (w.startsWith('млн') || w.startsWith('миллион')) return 1e6;
  if (w.startsWith('тыс')) return 1e3;
  return 1;
}

function value(s: string): number | undefined {
  if (/^\d/.test(s)) return parseDecimal(s);
  return numberWord(s);
}

const RANGE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:от\s+)?${NUM}\s*(?:[–—-]|до)\s*${NUM}\s*${SCALE}?\s*${RUB}(?![\p{L}])`,
  'giu',
);
const SINGLE = new RegExp(
  String.raw`(?<![\p{L}\d,.])${NUM}\s*${SCALE}?\s*${RUB}(?![\p{L}])`,
  'giu',
);

/**
 * Sums in roubles: '600 миллионов рублей', 'почти 7,4 млрд рублей' (about),
 * 'более …' (more_than), 'до …' (up_to), '7-8 миллиардов рублей' and 'от 5 до 7
 * млн рублей' (range, amountRubMax). A scale word without a currency is not money.
 */
export function findMoney(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  const overlaps = (s: number, e: number) => out.some((m) => m.start < e && s < m.end);
  for (const m of text.matchAll(RANGE)) {
    const a = value(m[1]!);
    const b = value(m[2]!);
    if (a === undefined || b === undefined || !(b > a)) continue;
    const scale = scaleOf(m[3]);
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out.push({
      text: text.slice(start, end),
      start,
      end,
      amountRub: round(a * scale),
      amountRubMax: round(b * scale),
      qualifier: 'range',
    });
  }
  for (const m of text.matchAll(SINGLE)) {
    const v = value(m[1]!);
    if (v === undefined) continue;
    let start = m.index ?? 0;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    let qualifier: Qualifier = 'exact';
    const q = qualifierBefore(text, start);
    if (q) {
      qualifier = q.qualifier;
      start = q.start;
    }
    out.push({
      text: text.slice(start, end),
      start,
      end,
      amountRub: round(v * scaleOf(m[2])),
      amountRubMax: null,
      qualifier,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
