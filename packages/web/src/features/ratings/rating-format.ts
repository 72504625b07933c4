// Russian number formats of rating figures: scores and contributions are
// shares of 1 (normalised values weighted), shown with four decimals so that a
// reader can add the contributions up to the score by hand.

const score = new Intl.NumberFormat('ru-RU', {
  minimumFractionDigits: 4,
  maximumFractionDigits: 4,
});
const weight = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3 });
const percent = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
const value = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3 });
const millis = new Intl.NumberFormat('ru-RU', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export const formatScore = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : score.format(x);
export const formatWeight = (x: number): string => weight.format(x);
/** 0.25 → «25 %». */
export const formatShare = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${percent.format(x * 100)} %`;
export const formatValue = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : value.format(x);
export const formatMillis = (x: number): string => `${millis.format(x)} мс`;

/** «+2», «−1», «0» — places gained. */
export function formatSigned(
  x: number | null | undefined,
  format: (n: number) => string = (n) => String(n),
): string {
  if (x === null || x === undefined) return '—';
  if (x > 0) return `+${format(x)}`;
  if (x < 0) return `−${format(-x)}`;
  return format(0);
}

/** Parses «0,5675», «−0,0123» back to a number (for tests and sorting). */
export function parseRussianNumber(text: string): number {
  return Number(text.replace(/\s/g, '').replace('−', '-').replace(',', '.'));
}
