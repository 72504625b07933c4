const rub = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

export const formatRub = (value: number): string => `${rub.format(value)} ₽`;
export const formatDate = (iso: string): string => iso.split('-').reverse().join('.');
