/**
 * ОГРН / ОГРНИП (primary state registration number) validation.
 *
 * ОГРН of a legal entity: 13 digits, first digit 1 or 5; the last digit is
 * (first 12 digits as a number mod 11) mod 10. ОГРНИП of an individual
 * entrepreneur: 15 digits, first digit 3; the last digit is (first 14 digits
 * mod 13) mod 10. (Приказ ФНС России от 13.11.2012 № ММВ-7-6/843@.)
 */
export type OgrnCheck =
  | { valid: true; kind: 'legal_entity' | 'individual_entrepreneur' }
  | { valid: false; problem: 'format' | 'checksum' | 'sign' };

export function checkOgrn(value: string): OgrnCheck {
  if (!/^\d{13}$|^\d{15}$/.test(value)) return { valid: false, problem: 'format' };
  const body = BigInt(value.slice(0, -1));
  const last = Number(value.slice(-1));
  if (value.length === 13) {
    if (value[0] !== '1' && value[0] !== '5') return { valid: false, problem: 'sign' };
    return Number((body % 11n) % 10n) === last
      ? { valid: true, kind: 'legal_entity' }
      : { valid: false, problem: 'checksum' };
  }
  if (value[0] !== '3') return { valid: false, problem: 'sign' };
  return Number((body % 13n) % 10n) === last
    ? { valid: true, kind: 'individual_entrepreneur' }
    : { valid: false, problem: 'checksum' };
}
