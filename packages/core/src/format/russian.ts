/**
 * Russian number and plural formatting: «1 234,5», «600 млн ₽»,
 * «1 резидент / 2 резидента / 5 резидентов». Intl does the grouping; the plural
 * category comes from Intl.PluralRules('ru'), so no hand-written rules.
 */
const numberFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
const pluralRules = new Intl.PluralRules('ru-RU');

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** forms: [one, few, many] — «резидент», «резидента», «резидентов». */
export function plural(count: number, forms: readonly [string, string, string]): string {
  const category = pluralRules.select(count);
  const word = category === 'one' ? forms[0] : category === 'few' ? forms[1] : forms[2];
  return `${formatNumber(count)} ${word}`;
}

const SCALES: ReadonlyArray<[number, string]> = [
  [1e12, 'трлн'],
  [1e9, 'млрд'],
  [1e6, 'млн'],
  [1e3, 'тыс.'],
];

/** 600 000 000 RUB → «600 млн ₽». */
export function formatMoney(amount: number, currency = 'RUB'): string {
  const symbol = currency === 'RUB' ? '₽' : currency;
  for (const [scale, word] of SCALES) {
    if (Math.abs(amount) >= scale) return `${formatNumber(amount / scale)} ${word} ${symbol}`;
  }
  return `${formatNumber(amount)} ${symbol}`;
}

export const QUALIFIER_LABELS = {
  exact: '',
  about: 'около',
  more_than: 'более',
  less_than: 'менее',
  up_to: 'до',
  at_least: 'не менее',
} as const;
export type ValueQualifier = keyof typeof QUALIFIER_LABELS;
