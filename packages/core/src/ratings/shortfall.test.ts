import { describe, expect, it } from 'vitest';
import { shortfall } from './shortfall.ts';

describe('shortfall', () => {
  it('measures how far below the target a higher-is-better value is', () => {
    expect(shortfall(7, 10, 'higher_is_better')).toBe(3);
  });

  it('measures how far above the target a lower-is-better value is', () => {
    expect(shortfall(12, 10, 'lower_is_better')).toBe(2);
  });

  it('is 0, not negative, for a value that beats the target', () => {
    expect(shortfall(11, 10, 'higher_is_better')).toBe(0);
    expect(shortfall(9, 10, 'lower_is_better')).toBe(0);
  });
});
