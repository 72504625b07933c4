import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantileSorted.ts';

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics (type 7)', () => {
    // h = 3·.5 = 1.5 → 2 + .5·(3 − 2)
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    // h = 3·.05 = .15 → 1 + .15·1
    expect(quantileSorted([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
  });

  it('returns the extremes at p = 0 and p = 1 and the only value of a one-value sample', () => {
    expect(quantileSorted([1, 5], 0)).toBe(1);
    expect(quantileSorted([1, 5], 1)).toBe(5);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });

  it('returns NaN for an empty sample', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
