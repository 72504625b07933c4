/**
 * Partial dates: the seeds say «весной» 2024, «в 2025 году», «9 и 10 октября
 * 2013 года». A partial date is an inclusive ISO date range plus the precision
 * it was stated with, so «весна 2024» is 2024-03-01..2024-05-31 / season and
 * can still be sorted and filtered as dates.
 */
export type DatePrecision = 'day' | 'month' | 'season' | 'quarter' | 'year' | 'range';

export interface PartialDate {
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD, inclusive
  precision: DatePrecision;
}

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const MONTHS_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const SEASONS = { winter: 'зима', spring: 'весна', summer: 'лето', autumn: 'осень' } as const;
export type Season = keyof typeof SEASONS;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function day(year: number, month: number, dayOfMonth: number): PartialDate {
  const d = `${year}-${pad(month)}-${pad(dayOfMonth)}`;
  return { from: d, to: d, precision: 'day' };
}
export function month(year: number, monthOfYear: number): PartialDate {
  return {
    from: `${year}-${pad(monthOfYear)}-01`,
    to: `${year}-${pad(monthOfYear)}-${pad(lastDayOfMonth(year, monthOfYear))}`,
    precision: 'month',
  };
}
export function year(y: number): PartialDate {
  return { from: `${y}-01-01`, to: `${y}-12-31`, precision: 'year' };
}
/** Meteorological seasons; winter of Y is December Y-1 to February Y. */
export function season(y: number, s: Season): PartialDate {
  switch (s) {
    case 'spring':
      return { from: `${y}-03-01`, to: `${y}-05-31`, precision: 'season' };
    case 'summer':
      return { from: `${y}-06-01`, to: `${y}-08-31`, precision: 'season' };
    case 'autumn':
      return { from: `${y}-09-01`, to: `${y}-11-30`, precision: 'season' };
    case 'winter':
      return {
        from: `${y - 1}-12-01`,
        to: `${y}-02-${pad(lastDayOfMonth(y, 2))}`,
        precision: 'season',
      };
  }
}
/** A quarter: «II квартал 2025» is 2025-04-01..2025-06-30. */
export function quarter(y: number, q: 1 | 2 | 3 | 4): PartialDate {
  const first = (q - 1) * 3 + 1;
  const last = first + 2;
  return {
    from: `${y}-${pad(first)}-01`,
    to: `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}`,
    precision: 'quarter',
  };
}
export function range(from: string, to: string): PartialDate {
  return { from, to, precision: 'range' };
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** Russian rendering: 14.03.2024, «март 2024», «весна 2024», «2025 год», «9–10 октября 2013». */
export function formatPartialDate(date: PartialDate): string {
  const [fy, fm, fd] = parts(date.from);
  const [ty, tm, td] = parts(date.to);
  switch (date.precision) {
    case 'day':
      return `${pad(fd)}.${pad(fm)}.${fy}`;
    case 'month':
      return `${MONTHS_NOMINATIVE[fm - 1]} ${fy}`;
    case 'season': {
      const s: Season = fm === 3 ? 'spring' : fm === 6 ? 'summer' : fm === 9 ? 'autumn' : 'winter';
      return `${SEASONS[s]} ${s === 'winter' ? ty : fy}`;
    }
    case 'quarter':
      return `${Math.floor((fm - 1) / 3) + 1}-й квартал ${fy}`;
    case 'year':
      return fy === ty ? `${fy} год` : `${fy}–${ty} годы`;
    case 'range':
      if (fy === ty && fm === tm) return `${fd}–${td} ${MONTHS_GENITIVE[fm - 1]} ${fy}`;
      if (fy === ty)
        return `${fd} ${MONTHS_GENITIVE[fm - 1]} – ${td} ${MONTHS_GENITIVE[tm - 1]} ${fy}`;
      return `${pad(fd)}.${pad(fm)}.${fy} – ${pad(td)}.${pad(tm)}.${ty}`;
  }
}
