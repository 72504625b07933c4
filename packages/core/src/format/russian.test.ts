import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber, plural } from './russian.ts';

const RESIDENT = ['резидент', 'резидента', 'резидентов'] as const;

describe('Russian formatting', () => {
  it('chooses the plural form by the Russian rules', () => {
    expect(plural(1, RESIDENT)).toBe('1 резидент');
    expect(plural(2, RESIDENT)).toBe('2 резидента');
    expect(plural(5, RESIDENT)).toBe('5 резидентов');
    expect(plural(11, RESIDENT)).toBe('11 резидентов');
    expect(plural(21, RESIDENT)).toBe('21 резидент');
    expect(plural(60, RESIDENT)).toBe('60 резидентов');
  });
  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatNumber(1234.5).replace(/\s/g, ' ')).toBe('1 234,5');
  });
  it('abbreviates large sums of money: 600 млн ₽', () => {
    expect(formatMoney(600_000_000)).toBe('600 млн ₽');
    expect(formatMoney(150_000_000)).toBe('150 млн ₽');
  });
});
