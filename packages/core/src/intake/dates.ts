import type { DateMention } from './types.ts';

const MONTH = String.raw`(январ[ьяеюё]м?|феврал[ьяеюё]м?|март(?:а|е|у|ом)?|апрел[ьяеюё]м?|ма(?:й|я|е|ю|ем)|июн[ьяеюё]м?|июл[ьяеюё]м?|август(?:а|е|у|ом)?|сентябр[ьяеюё]м?|октябр[ьяеюё]м?|ноябр[ьяеюё]м?|декабр[ьяеюё]м?)`;
const MONTH_KEYS = [
  'янв',
  'фев',
  'мар',
  'апр',
  'ма',
  'июн',
  'июл',
  'авг',
  'сен',
  'окт',
  'ноя',
  'дек',
];
const YEAR_WORD = String.raw`(?:\s*(?:года|году|год|г\.|г(?![\p{L}])))?`;
const B = String.raw`(?<![\p{L}\d])`;
const E = String.raw`(?![\p{L}\d])`;

function monthOf(word: string): number {
  const w = word.toLowerCase();
  for (let i = 0; i < MONTH_KEYS.length; i++) if (w.startsWith(MONTH_KEYS[i]!)) return i + 1;
  return 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y > 0 ? y : 2000, m, 0)).getUTCDate();
  return d <= days;
}

interface Context {
  published: Date | undefined;
  /** Year of the last fully written date before this point, for year-less dates when there is no publication date. */
  lastYear: number | undefined;
}

function yearFor(ctx: Context): string {
  if (ctx.published) return String(ctx.published.getUTCFullYear());
  if (ctx.lastYear) return String(ctx.lastYear);
  return 'XXXX';
}

const WEEKDAYS: [RegExp, number][] = [
  [/^воскресень/, 0],
  [/^понедельник/, 1],
  [/^вторник/, 2],
  [/^сред/, 3],
  [/^четверг/, 4],
  [/^пятниц/, 5],
  [/^суббот/, 6],
];

const SEASONS: [RegExp, number][] = [
  [/^весн/, 21],
  [/^лет/, 22],
  [/^осен/, 23],
  [/^зим/, 24],
];

function parsePublished(published: string | undefined): Date | undefined {
  if (!published) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

type Rule = (
  m: RegExpExecArray,
  ctx: Context,
) => { iso: string; precision: DateMention['precision']; year?: number } | null;

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Rules in priority order: earlier ones win where matches overlap. */
const RULES: [RegExp, Rule][] = [
  // '9–10.10.2013'
  [
    new RegExp(String.raw`${B}(\d{1,2})\s*[–—-]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})${E}`, 'gu'),
    (m) => {
      const y = Number(m[4]),
        mo = Number(m[3]);
      if (!validDay(y, mo, Number(m[1])) || !validDay(y, mo, Number(m[2]))) return null;
      return {
        iso: `${y}-${pad(mo)}-${pad(Number(m[1]))}/${y}-${pad(mo)}-${pad(Number(m[2]))}`,
        precision: 'range',
        year: y,
      };
    },
  ],
  // '05.12.2017', '14.03.24'
  [
    new RegExp(String.raw`${B}(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})${E}`, 'gu'),
    (m) => {
      const y = fullYear(m[3]!),
        mo = Number(m[2]),
        d = Number(m[1]);
      if (!validDay(y, mo, d)) return null;
      return { iso: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day', year: y };
    },
  ],
  // '9 и 10 октября 2013 года', '28 и 29 октября', 'с 9 по 10 октября', '9–10 октября'
  [
    new RegExp(
      String.raw`${B}(?:с\s+)?(\d{1,2})\s*(?:и|–|—|-|по)\s*(\d{1,2})\s+${MONTH}(?:\s*(\d{4})${YEAR_WORD})?${E}`,
      'giu',
    ),
    (m, ctx) => {
      const mo = monthOf(m[3]!);
      const y = m[4] ? m[4] : yearFor(ctx);
      const d1 = Number(m[1]),
        d2 = Number(m[2]);
      if (d2 <= d1 || !validDay(Number(y) || 2000, mo, d1) || !validDay(Number(y) || 2000, mo, d2))
        return null;
      return {
        iso: `${y}-${pad(mo)}-${pad(d1)}/${y}-${pad(mo)}-${pad(d2)}`,
        precision: 'range',
        ...(m[4] ? { year: Number(m[4]) } : {}),
      };
    },
  ],
  // '05 декабря 2017 года', '14 Март2024', '9 июля'
  [
    new RegExp(String.raw`${B}(\d{1,2})\s*${MONTH}(?:\s*(\d{4})${YEAR_WORD})?${E}`, 'giu'),
    (m, ctx) => {
      const mo = monthOf(m[2]!),
        d = Number(m[1]);
      const y = m[3] ? m[3] : yearFor(ctx);
      if (!validDay(Number(y) || 2000, mo, d)) return null;
      return {
        iso: `${y}-${pad(mo)}-${pad(d)}`,
        precision: 'day',
        ...(m[3] ? { year: Number(m[3]) } : {}),
      };
    },
  ],
  // 'в I квартале 2024 года', 'первом квартале'
  [
    new RegExp(
      String.raw`${B}(I{1,3}|IV|[1-4]|перв\p{L}*|втор\p{L}*|трет\p{L}*|четверт\p{L}*)(?:-?(?:м|й|го))?\s+квартал\p{L}*(?:\s+(\d{4})${YEAR_WORD})?${E}`,
      'giu',
    ),
    (m, ctx) => {
      const q = m[1]!.toLowerCase();
      const n = /^(iv|4|четв)/.test(q)
        ? 4
        : /^(iii|3|трет)/.test(q)
          ? 3
          : /^(ii|2|втор)/.test(q)
            ? 2
            : 1;
      const y = m[2] ?? yearFor(ctx);
      return { iso: `${y}-${32 + n}`, precision: 'quarter' };
    },
  ],
  // 'весной 2024 года', 'весной', 'осенью'
  [
    new RegExp(
      String.raw`${B}(весн(?:а|ой|у|е|ою)|летом|лето(?=\s+\d{4})|осен(?:ь|ью|и)|зим(?:а|ой|у|е|ою))(?:\s+(\d{4})${YEAR_WORD})?${E}`,
      'giu',
    ),
    (m, ctx) => {
      const w = m[1]!.toLowerCase();
      const s = SEASONS.find(([re]) => re.test(w))![1];
      const y = m[2] ?? yearFor(ctx);
      return { iso: `${y}-${s}`, precision: 'season' };
    },
  ],
  // 'в марте 2024 года', 'март 2024', 'в марте'
  [
    new RegExp(
      String.raw`${B}(?:в\s+|с\s+|до\s+|к\s+)?${MONTH}(?:\s+(\d{4})${YEAR_WORD})?${E}`,
      'giu',
    ),
    (m, ctx) => {
      const mo = monthOf(m[1]!);
      const word = m[1]!.toLowerCase();
      // 'мая'/'мае' alone are months, 'май' too; 'марта' alone needs a preposition or a year to be safe.
      if (
        !m[2] &&
        !/^(в|с|до|к)\s/i.test(m[0]) &&
        !/^(январ|феврал|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)/.test(word)
      )
        return null;
      const y = m[2] ?? yearFor(ctx);
      return {
        iso: `${y}-${pad(mo)}`,
        precision: 'month',
        ...(m[2] ? { year: Number(m[2]) } : {}),
      };
    },
  ],
  // 'с 2020 по 2022 год'
  [
    new RegExp(
      String.raw`${B}с\s+((?:19|20)\d{2})\s+по\s+((?:19|20)\d{2})(?:\s*(?:годы|год|годах|гг\.?|г\.))?${E}`,
      'giu',
    ),
    (m) => {
      const a = Number(m[1]),
        b = Number(m[2]);
      if (b <= a) return null;
      return { iso: `${a}/${b}`, precision: 'range', year: b };
    },
  ],
  // '2020–2022 годы', 'в 2020-2022 гг.'
  [
    new RegExp(
      String.raw`${B}((?:19|20)\d{2})\s*[–—-]\s*((?:19|20)\d{2})(?:\s*(?:годы|годах|годов|гг\.?|годам))?${E}`,
      'gu',
    ),
    (m) => {
      const a = Number(m[1]),
        b = Number(m[2]);
      if (b <= a) return null;
      return { iso: `${a}/${b}`, precision: 'range', year: b };
    },
  ],
  // '2022 года', 'в 2023-м', '2025 год', 'ПМЭФ-2022'
  [
    new RegExp(
      String.raw`(?:${B}|(?<=\p{Lu}-))((?:19|20)\d{2})(?:\s*(?:года|году|год|годом|г\.|г(?![\p{L}]))|-(?:м|го|й)|(?<=\p{Lu}-\d{4}))${E}`,
      'gu',
    ),
    (m) => ({ iso: m[1]!, precision: 'year', year: Number(m[1]) }),
  ],
  // 'в четверг', 'В понедельник'
  [
    new RegExp(
      String.raw`${B}(?:в|во)\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)${E}`,
      'giu',
    ),
    (m, ctx) => {
      if (!ctx.published) return null;
      const w = m[1]!.toLowerCase();
      const target = WEEKDAYS.find(([re]) => re.test(w))![1];
      const d = new Date(ctx.published);
      const back = (d.getUTCDay() - target + 7) % 7;
      d.setUTCDate(d.getUTCDate() - back);
      return { iso: isoDay(d), precision: 'day' };
    },
  ],
  // 'сегодня', 'вчера', 'завтра' (the weekday rule above is WEEKDAY_RULE)
  [
    new RegExp(String.raw`${B}(сегодня|вчера|завтра|позавчера|послезавтра)${E}`, 'giu'),
    (m, ctx) => {
      if (!ctx.published) return null;
      const shift: Record<string, number> = {
        сегодня: 0,
        вчера: -1,
        завтра: 1,
        позавчера: -2,
        послезавтра: 2,
      };
      const d = new Date(ctx.published);
      d.setUTCDate(d.getUTCDate() + (shift[m[1]!.toLowerCase()] ?? 0));
      return { iso: isoDay(d), precision: 'day' };
    },
  ],
];

const WEEKDAY_RULE = RULES[RULES.length - 2]![1];

/**
 * Dates with their precision. Year-less dates take the publication year, or
 * without a publication date the year of the last full date before them;
 * weekdays and 'вчера' resolve to the nearest such day on or before the
 * publication date. A weekday right before a full date ('В понедельник 28
 * июня') is part of that date.
 */
export function findDates(text: string, published?: string): DateMention[] {
  const ctxBase = { published: parsePublished(published) };
  const found: (DateMention & { year?: number })[] = [];
  const overlaps = (s: number, e: number) => found.some((d) => d.start < e && s < d.end);
  // Years of full dates, for year-less ones.
  const explicitYears: { at: number; year: number }[] = [];
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\s*[.\p{L}]+\s*((?:19|20)\d{2})(?!\d)/gu))
    explicitYears.push({ at: m.index ?? 0, year: Number(m[2]) });
  const lastYearBefore = (at: number) => explicitYears.filter((y) => y.at < at).at(-1)?.year;
  for (const [re, rule] of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let start = m.index;
      let end = start + m[0].length;
      // A leading preposition is not part of a day or range ('с 9 по 10' keeps 'с').
      const lead = /^(?:в|с|до|к|во)\s+/i.exec(m[0]);
      if (lead && !/^с\s+\d+\s*по/i.test(m[0])) start += lead[0].length;
      end = start + text.slice(start, end).trimEnd().length;
      if (overlaps(start, end)) continue;
      if (rule === WEEKDAY_RULE) {
        const following = found.find(
          (d) => d.start >= end && d.start - end <= 2 && d.precision === 'day',
        );
        if (following) {
          following.start = start;
          following.text = text.slice(start, following.end);
          continue;
        }
      }
      const r = rule(m, { ...ctxBase, lastYear: lastYearBefore(start) });
      if (!r) continue;
      found.push({ text: text.slice(start, end), start, end, iso: r.iso, precision: r.precision });
    }
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map(({ text: t, start, end, iso, precision }) => ({ text: t, start, end, iso, precision }));
}
