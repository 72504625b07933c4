import { describe, expect, it } from 'vitest';
import { addYears } from './addYears.ts';

describe('addYears', () => {
  it('keeps the month and day', () => {
    expect(addYears('2021-03-15', 5)).toBe('2026-03-15');
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
  });

  it('keeps 29 February in a leap year', () => {
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('counts back with a negative number of years', () => {
    expect(addYears('2025-06-30', -3)).toBe('2022-06-30');
  });
});
