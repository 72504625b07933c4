/**
 * The calendar date `years` years after an ISO date (YYYY-MM-DD), as ISO.
 * 29 February moves to 28 February in a year that is not a leap year (the
 * period ends within the same month, as civil-law periods counted in years do).
 */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
