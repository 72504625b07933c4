import { describe, expect, it } from 'vitest';
import { quantile } from './quantile.ts';

describe('quantile (R type 7, linear interpolation)', () => {
  it('interpolates between order statistics at h = (n − 1) · p', () => {
    // [1, 2, 3, 4]: h = 0.75 → 1 + 0.75 · (2 − 1); h = 2.25 → 3 + 0.25 · (4 − 3)
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
  });

  it('matches R quantile(1:10, 0.9) = 9.1', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
  });

  it('gives the same answer for sorted and unsorted input', () => {
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
  });

  it('returns an observed value when h is a whole number', () => {
    // five values: h = 4 · 0.25 = 1 → the second smallest
    expect(quantile([50, 10, 40, 20, 30], 0.25)).toBe(20);
    expect(quantile([50, 10, 40, 20, 30], 0.75)).toBe(40);
  });

  it('gives the minimum at p = 0 and the maximum at p = 1', () => {
    expect(quantile([5, -2, 9, 0], 0)).toBe(-2);
    expect(quantile([5, -2, 9, 0], 1)).toBe(9);
  });

  it('gives the only value of a one-element input for every p', () => {
    expect(quantile([7], 0)).toBe(7);
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([7], 1)).toBe(7);
  });

  it('interpolates across ties: [1, 1, 1, 10] at 0.75 is 1 + 0.25 · 9', () => {
    expect(quantile([1, 1, 1, 10], 0.75)).toBe(3.25);
    expect(quantile([1, 1, 1, 10], 0.5)).toBe(1);
  });

  it('returns null for empty input', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile(new Float64Array(0), 0.25)).toBeNull();
  });

  it('ignores NaN and returns null when nothing else is left', () => {
    expect(quantile([Number.NaN, 1, 2, Number.NaN, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([Number.NaN], 0.5)).toBeNull();
  });

  it('accepts typed arrays and leaves the input untouched', () => {
    const values = new Float64Array([4, 3, 2, 1]);
    expect(quantile(values, 0.75)).toBe(3.25);
    expect([...values]).toEqual([4, 3, 2, 1]);
  });

  it('rejects a probability outside [0, 1]', () => {
    expect(() => quantile([1, 2], -0.1)).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.1)).toThrow(RangeError);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
  });

  it('agrees with sorting on random data', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const values = Array.from({ length: n }, () => Math.floor(random() * 10));
      const p = random();
      const sorted = [...values].sort((a, b) => a - b);
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      const expected = sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
      expect(quantile(values, p)).toBeCloseTo(expected, 12);
    }
  });
});
