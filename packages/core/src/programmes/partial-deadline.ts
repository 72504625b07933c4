import {
  day,
  month,
  quarter,
  season,
  year,
  type PartialDate,
  type Season,
} from '../dates/partial-date.ts';

/**
 * Start and deadline of a measure as plans write them: «II квартал 2025»,
 * «до конца 2025 года», «весной 2024», «март 2025», «2025 год», «31.12.2025».
 * Each becomes a partial date (dates/partial-date.ts); the deadline of a
 * partial date is the last day of its period (`deadlineOf`), so «до конца
 * 2025 года» and «2025 год» are both due on 2025-12-31.
 */
const ROMAN: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ORDINAL: Array<[RegExp, 1 | 2 | 3 | 4]> = [
  [/^перв/, 1],
  [/^втор/, 2],
  [/^трет/, 3],
  [/^четв[её]рт/, 4],
];
const MONTH_STEMS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма[йяе]',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const SEASON_STEMS: Array<[RegExp, Season]> = [
  [/^зим/, 'winter'],
  [/^весн/, 'spring'],
  [/^лет/, 'summer'],
  [/^осен/, 'autumn'],
];

function quarterNumber(word: string): 1 | 2 | 3 | 4 | undefined {
  const w = word.toLowerCase().replace(/-?(й|го|м|ом)$/, '');
  if (w in ROMAN) return ROMAN[w];
  if (/^[1-4]$/.test(w)) return Number(w) as 1 | 2 | 3 | 4;
  return ORDINAL.find(([re]) => re.test(w))?.[1];
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A measure's start or deadline written in words; undefined when the text is not one of the forms above. */
export function parsePartialDeadline(text: string): PartialDate | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*(г\.|года|год|гг\.)$/, '')
    .replace(/^(до|не позднее|к|в|во|на)\s+/, '')
    .replace(/^(конца|окончания|конец|течение|протяжении)\s+/, '');
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [y, mo, d] = m[0].includes('-') ? [a, b, c] : [c, b, a];
    return validDay(y, mo, d) ? day(y, mo, d) : undefined;
  }
  m = /^(\S+)\s+(?:квартал\S*|кв\.)\s+(\d{4})$/.exec(t);
  if (m) {
    const q = quarterNumber(m[1]!);
    return q ? quarter(Number(m[2]), q) : undefined;
  }
  m = /^(\d{4})$/.exec(t);
  if (m) return year(Number(m[1]));
  m = /^(\S+)\s+(\d{4})$/.exec(t);
  if (m) {
    const word = m[1]!;
    const y = Number(m[2]);
    const monthIndex = MONTH_STEMS.findIndex((stem) => new RegExp(`^${stem}`).test(word));
    if (monthIndex >= 0) return month(y, monthIndex + 1);
    const s = SEASON_STEMS.find(([re]) => re.test(word));
    if (s) return season(y, s[1]);
  }
  return undefined;
}

/** The day a partial date is due: the last day of its period. */
export function deadlineOf(date: PartialDate): string {
  return date.to;
}
