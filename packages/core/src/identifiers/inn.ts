/**
 * ИНН (taxpayer identification number) validation.
 *
 * Legal entities have 10 digits, individuals (and individual entrepreneurs) 12.
 * Check digits per the Federal Tax Service algorithm (Приказ ФНС России от
 * 29.06.2012 № ММВ-7-6/435@, appendix): weighted sum of the preceding digits
 * modulo 11, then modulo 10.
 */
export type InnCheck =
  | { valid: true; kind: 'legal_entity' | 'individual' }
  | { valid: false; problem: 'format' | 'checksum' };

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return (sum % 11) % 10;
}

export function checkInn(value: string): InnCheck {
  if (!/^\d{10}$|^\d{12}$/.test(value)) return { valid: false, problem: 'format' };
  const d = [...value].map(Number);
  if (d.length === 10) {
    return checkDigit(d, W10) === d[9]
      ? { valid: true, kind: 'legal_entity' }
      : { valid: false, problem: 'checksum' };
  }
  return checkDigit(d, W11) === d[10] && checkDigit(d, W12) === d[11]
    ? { valid: true, kind: 'individual' }
    : { valid: false, problem: 'checksum' };
}
