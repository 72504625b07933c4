/**
 * КПП (tax registration reason code): 9 characters, no checksum. Digits 1–4 are
 * the tax office code, 5–6 the reason (digits or Latin capitals since 2013,
 * Приказ ФНС России от 29.06.2012 № ММВ-7-6/435@), 7–9 a serial number.
 */
export function isValidKpp(value: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value);
}
