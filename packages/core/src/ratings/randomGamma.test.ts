import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { randomGamma } from './randomGamma.ts';

function moments(shape: number, n = 50_000) {
  const random = createRandom(123);
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = randomGamma(shape, random);
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean };
}

describe('randomGamma', () => {
  it('has mean and variance equal to the shape (shape ≥ 1, Marsaglia–Tsang)', () => {
    const { mean, variance } = moments(3);
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(variance - 3)).toBeLessThan(0.15);
  });

  it('has mean and variance equal to the shape for shape < 1 (boosted)', () => {
    const { mean, variance } = moments(0.4);
    expect(Math.abs(mean - 0.4)).toBeLessThan(0.02);
    expect(Math.abs(variance - 0.4)).toBeLessThan(0.04);
  });

  it('gives 0 for shape 0', () => {
    expect(randomGamma(0, createRandom(1))).toBe(0);
  });

  it('rejects a negative shape', () => {
    expect(() => randomGamma(-1, createRandom(1))).toThrow(RangeError);
  });
});
