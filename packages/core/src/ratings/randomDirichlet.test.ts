import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { randomDirichlet } from './randomDirichlet.ts';

describe('randomDirichlet', () => {
  it('draws non-negative vectors that sum to 1', () => {
    const random = createRandom(5);
    for (let i = 0; i < 100; i++) {
      const x = randomDirichlet([1, 2, 3], random);
      expect(x.every((v) => v >= 0)).toBe(true);
      expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    }
  });

  it('has mean alpha / Σ alpha', () => {
    const random = createRandom(9);
    const sum = [0, 0, 0];
    const n = 20_000;
    for (let i = 0; i < n; i++)
      randomDirichlet([6, 3, 1], random).forEach((v, k) => (sum[k]! += v));
    expect(sum.map((s) => s / n)).toEqual([
      expect.closeTo(0.6, 2),
      expect.closeTo(0.3, 2),
      expect.closeTo(0.1, 2),
    ]);
  });

  it('keeps an entry with alpha 0 at exactly 0', () => {
    const x = randomDirichlet([2, 0, 2], createRandom(3));
    expect(x[1]).toBe(0);
  });
});
