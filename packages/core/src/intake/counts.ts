import {
  NUMBER_SOURCE,
  NUMBER_WORD_SOURCE,
  numberWord,
  parseDecimal,
  qualifierBefore,
} from './numbers.ts';
import type { CountMention, Qualifier, Span } from './types.ts';

const WORD = String.raw`[\p{L}][\p{L}-]*`;
const COUNT = new RegExp(
  String.raw`(?<![\p{L}\d,.])(?:от\s+(${NUMBER_SOURCE})\s+до\s+)?(${NUMBER_SOURCE}|${NUMBER_WORD_SOURCE})(?:\s*[–—-]\s*(${NUMBER_SOURCE}))?(?![\p{L}\d])(?=(\s+)((?:${WORD}\s+){0,2}${WORD}))`,
  'giu',
);

/** Nouns that are units rather than things counted by a count. */
const NOT_COUNTED =
  /^(году|годом|годы|годах|млн|млрд|тыс|трлн|миллион\p{L}*|миллиард\p{L}*|тысяч\p{L}*|рубл\p{L}*|руб|процент\p{L}*|час|часа|часов|минут\p{L}*|секунд\p{L}*|км|кг|м|см|т|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|раз|раза|кв|га)$/iu;
const PREPOSITIONS = /^(в|на|с|по|из|до|от|и|или|а|за|к|у|о|об|при|для)$/i;

/**
 * Counts: a number (digits or a number word) and what it counts, the next
 * one to three words up to the first noun-like word: '60 резидентов', '4 новых
 * завода', 'около 30 участников', 'два проекта', 'от 14 до 35 лет' (range).
 * Numbers already taken by dates, money or percents are skipped by the caller.
 */
export function findCounts(text: string, taken: Span[]): CountMention[] {
  const out: CountMention[] = [];
  const isTaken = (s: number, e: number) => taken.some((t) => t.start < e && s < t.end);
  for (const m of text.matchAll(COUNT)) {
    const raw = m[2]!;
    const numeric = /^\d/.test(raw);
    const v = numeric ? parseDecimal(raw) : numberWord(raw);
    if (v === undefined) continue;
    let start = m.index ?? 0;
    const words = m[5]!.split(/\s+/);
    // What is counted ends at the first word that is not an adjective/participle modifier.
    let k = 0;
    while (k < words.length - 1 && /(ых|их|ой|ый|ий|ая|ые|ие|ого|ему|ими|ыми)$/i.test(words[k]!))
      k++;
    const of = words.slice(0, k + 1).join(' ');
    if (PREPOSITIONS.test(words[0]!) || NOT_COUNTED.test(words[k]!)) continue;
    if (/^\p{Lu}/u.test(words[0]!) && !numeric) continue;
    if (numeric && /^(19|20)\d{2}$/.test(raw) && !m[1]) continue;
    const ofEnd = (m.index ?? 0) + m[0].length + m[4]!.length + of.length;
    if (isTaken(start, ofEnd)) continue;
    let qualifier: Qualifier = 'exact';
    let value = v;
    let valueMax: number | null = null;
    if (m[1]) {
      value = parseDecimal(m[1]);
      valueMax = v;
      qualifier = 'range';
    } else if (m[3]) {
      valueMax = parseDecimal(m[3]);
      qualifier = 'range';
    } else {
      const q = qualifierBefore(text, start);
      if (q) {
        qualifier = q.qualifier;
        start = q.start;
      }
    }
    out.push({ text: text.slice(start, ofEnd), start, end: ofEnd, value, valueMax, qualifier, of });
  }
  return out;
}
