const rub = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

export const formatRub = (value: number): string => `${rub.format(value)} ₽`;
export const formatDate = (iso: string): string => iso.split('-').reverse().join('.');

/**
 * Roubles as typed: digits with spaces (also no-break) between groups and a
 * decimal comma or point. Empty is undefined; anything else NaN.
 */
export function parseRub(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0\u202f₽]/g, '').replace(',', '.');
  if (!t) return undefined;
  return /^-?\d+(\.\d{1,2})?$/.test(t) ? Number(t) : Number.NaN;
}
