import { describe, expect, it } from 'vitest';
import { day, formatPartialDate, month, range, season, year } from './partial-date.ts';

describe('partial dates', () => {
  it('renders a day as 14.03.2024', () => {
    expect(formatPartialDate(day(2024, 3, 14))).toBe('14.03.2024');
  });
  it('renders a month in the nominative: «март 2024»', () => {
    expect(formatPartialDate(month(2024, 3))).toBe('март 2024');
    expect(month(2024, 2).to).toBe('2024-02-29');
  });
  it('keeps «весной 2024» as a season spanning March to May', () => {
    const spring = season(2024, 'spring');
    expect(spring).toEqual({ from: '2024-03-01', to: '2024-05-31', precision: 'season' });
    expect(formatPartialDate(spring)).toBe('весна 2024');
  });
  it('counts a winter from December of the previous year', () => {
    expect(season(2024, 'winter').from).toBe('2023-12-01');
    expect(formatPartialDate(season(2024, 'winter'))).toBe('зима 2024');
  });
  it('renders a two-day session in one month as «9–10 октября 2013»', () => {
    expect(formatPartialDate(range('2013-10-09', '2013-10-10'))).toBe('9–10 октября 2013');
  });
  it('renders a year as «2025 год»', () => {
    expect(formatPartialDate(year(2025))).toBe('2025 год');
  });
});
