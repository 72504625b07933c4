import { NUMBER_SOURCE, parseDecimal, qualifierBefore } from './numbers.ts';
import type { PercentMention, Qualifier } from './types.ts';

const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\d,.])(${NUMBER_SOURCE})\s*(%|процент\p{L}*|проц\.)`,
  'giu',
);

/** Percentages: '50 %', 'до 50 %' (up_to), 'на 5,5 процента'. */
export function findPercents(text: string): PercentMention[] {
  const out: PercentMention[] = [];
  for (const m of text.matchAll(PERCENT)) {
    let start = m.index ?? 0;
    const end = start + m[0].length;
    let qualifier: Qualifier = 'exact';
    const q = qualifierBefore(text, start);
    if (q) {
      qualifier = q.qualifier;
      start = q.start;
    }
    out.push({ text: text.slice(start, end), start, end, value: parseDecimal(m[1]!), qualifier });
  }
  return out;
}
