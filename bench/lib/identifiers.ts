/**
 * Valid-checksum ИНН / ОГРН / ОГРНИП / КПП built from a per-region counter, so
 * every generated value is unique by construction (the counter maps one-to-one
 * onto inspection number × serial). Checked against core's checkInn/checkOgrn
 * by the generator.
 */
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function check(digits: string, weights: number[]): string {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return String((sum % 11) % 10);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Legal entity: 10-digit ИНН, 13-digit ОГРН, КПП. `counter` < 10^7 per region. */
export function legalEntityIds(tax: string, counter: number, year: number) {
  const inspection = pad(1 + (counter % 40), 2);
  // An affine map keeps the serial one-to-one while making it look less like a counter.
  const serial = pad((Math.floor(counter / 40) * 7919 + 12345) % 100000, 5);
  const innBody = tax + inspection + serial;
  const inn = innBody + check(innBody, W10);
  const ogrnBody = '1' + pad(year % 100, 2) + tax + inspection + serial;
  const ogrn = ogrnBody + String((Number(ogrnBody) % 11) % 10);
  const kpp = tax + inspection + '01001';
  return { inn, ogrn, kpp };
}

/** Individual entrepreneur: 12-digit ИНН, 15-digit ОГРНИП. */
export function entrepreneurIds(tax: string, counter: number, year: number) {
  const inspection = pad(1 + (counter % 40), 2);
  const serial = pad((Math.floor(counter / 40) * 7919 + 123457) % 1000000, 6);
  let inn = tax + inspection + serial;
  inn += check(inn, W11);
  inn += check(inn, W12);
  const ogrnBody =
    '3' + pad(year % 100, 2) + tax + pad((counter * 7919 + 123456789) % 1000000000, 9);
  const ogrn = ogrnBody + String((Number(ogrnBody) % 13) % 10);
  return { inn, ogrn };
}
