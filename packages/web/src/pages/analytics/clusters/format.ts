import { formatNumber } from '../../../lib/format.ts';

export { formatNumber };

const fixed2 = new Intl.NumberFormat('ru-RU', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percent1 = new Intl.NumberFormat('ru-RU', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const signedPercent1 = new Intl.NumberFormat('ru-RU', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/** A location quotient always with two decimals: «1,25», «0,00». */
export function formatLq(value: number): string {
  return fixed2.format(value);
}

/** A share 0–1 as a percentage: «12,3 %». */
export function formatShare(value: number): string {
  return percent1.format(value);
}

/** Growth as a signed percentage: «+12,3 %», «−4,0 %»; «—» without a base. */
export function formatGrowth(value: number | null): string {
  return value === null ? '—' : signedPercent1.format(value);
}

/** A threshold that may be undefined (no region with a value > 0). */
export function formatThreshold(
  value: number | null,
  format: (v: number) => string = formatNumber,
): string {
  return value === null ? 'не определён' : format(value);
}

export function starsText(stars: number): string {
  return stars > 0 ? '★'.repeat(stars) : '';
}

export const INDUSTRY_TYPE_LABELS = { traded: 'торгуемая', local: 'локальная' } as const;

export const MEASURE_LABELS: Record<string, string> = {
  employment: 'Занятость',
  establishments: 'Число организаций',
  output: 'Выпуск',
};

export const REGION_LEVEL_LABELS: Record<string, string> = {
  federal_subject: 'субъекты РФ',
  municipality: 'муниципальные образования',
};

export const CLASSIFICATION_LABELS: Record<string, string> = {
  okved2: 'коды ОКВЭД2',
  cluster_category: 'кластерные категории',
};

export const LEVEL_LABELS = { okved: 'коды ОКВЭД2', category: 'кластерные категории' } as const;

/** Why rows were set aside at import (server: datasets/import/source-rows.ts). */
export const QUARANTINE_REASONS: Record<string, string> = {
  unknown_region: 'регион не найден',
  region_includes_parts: 'регион включает автономные округа',
  duplicate_region_spelling: 'другое написание уже взятого региона',
  unknown_industry: 'отрасль не найдена',
  ambiguous_industry: 'отрасль неоднозначна',
  total_row: 'строка итога',
  other_ownership_form: 'разрез по форме собственности',
  unrecognised_row: 'строка не распознана',
  invalid_value: 'значение не число',
  invalid_year: 'год не распознан',
  duplicate_key: 'повтор строки',
};

export function quarantineReason(code: string): string {
  return QUARANTINE_REASONS[code] ?? code;
}

/** Years as ranges: «2017–2022», «2015, 2017–2019». */
export function formatYears(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let k = 0; k < sorted.length;) {
    let end = k;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    parts.push(end > k ? `${sorted[k]}–${sorted[end]}` : String(sorted[k]));
    k = end + 1;
  }
  return parts.join(', ');
}
