import {
  DATASET_MEASURES,
  INDUSTRY_CLASSIFICATIONS,
  INDUSTRY_TYPES,
  QUARANTINE_REASONS,
  REGION_LEVELS,
} from '@promatlas/core/domain/vocabulary.ts';
import { formatNumber } from '../../../shared/lib/format.ts';

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

// Labels of the dataset vocabularies come from core, so the API enums and the interface agree.
export const INDUSTRY_TYPE_LABELS = INDUSTRY_TYPES.labels;
export const MEASURE_LABELS: Readonly<Record<string, string>> = DATASET_MEASURES.labels;
export const REGION_LEVEL_LABELS = REGION_LEVELS.labels;
export const CLASSIFICATION_LABELS = INDUSTRY_CLASSIFICATIONS.labels;

export const LEVEL_LABELS = { okved: 'коды ОКВЭД2', category: 'кластерные категории' } as const;

/** Why rows were set aside at import, in the interface language. */
export function quarantineReason(code: string): string {
  return QUARANTINE_REASONS.label(code);
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
