import { describe, expect, it } from 'vitest';
import { normalisationParameters } from './normalisationParameters.ts';
import { normaliseValue } from './normaliseValue.ts';
import { rawValueForNormalised } from './rawValueForNormalised.ts';

const higher = 'higher_is_better' as const;
const lower = 'lower_is_better' as const;

describe('rawValueForNormalised', () => {
  it('inverts min–max in both directions with min and max held fixed', () => {
    const up = normalisationParameters([0, 40], { method: 'min_max', direction: higher })!;
    const down = normalisationParameters([0, 40], { method: 'min_max', direction: lower })!;
    expect(rawValueForNormalised(0.25, up)).toBe(10);
    expect(rawValueForNormalised(0.25, down)).toBe(30);
    expect(normaliseValue(rawValueForNormalised(0.7, up), up)).toBeCloseTo(0.7, 12);
  });

  it('inverts z-scores with mean and standard deviation held fixed', () => {
    const p = normalisationParameters([2, 4, 6], { method: 'z_score', direction: lower })!;
    expect(normaliseValue(rawValueForNormalised(1.5, p), p)).toBeCloseTo(1.5, 12);
  });

  it('has no inverse for a constant column', () => {
    const p = normalisationParameters([3, 3], { method: 'min_max', direction: higher })!;
    expect(rawValueForNormalised(0.5, p)).toBeNull();
  });

  it('returns the value short of the target by (1 − n) × the largest shortfall, and nothing above 1', () => {
    const p = normalisationParameters([0, 10], {
      method: 'distance_to_target',
      direction: higher,
      target: 10,
    })!;
    expect(rawValueForNormalised(0.8, p)).toBe(8);
    expect(rawValueForNormalised(1.1, p)).toBeNull();
  });

  it('returns for rank the least demanding observed value that reaches the rank value', () => {
    const p = normalisationParameters([1, 5, 7, 9], { method: 'rank', direction: higher })!;
    // rank values: 9 → 1, 7 → 2/3, 5 → 1/3, 1 → 0
    expect(rawValueForNormalised(0.5, p)).toBe(7);
    expect(rawValueForNormalised(2 / 3, p)).toBe(7);
    expect(rawValueForNormalised(1, p)).toBe(9);
  });
});
