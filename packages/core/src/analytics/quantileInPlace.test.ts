import { describe, expect, it } from 'vitest';
import { quantile } from './quantile.ts';
import { quantileInPlace } from './quantileInPlace.ts';

describe('quantileInPlace', () => {
  it('gives the same R-7 quantile as quantile', () => {
    expect(quantileInPlace(new Float64Array([4, 1, 3, 2]), 0.25)).toBe(1.75);
    expect(quantileInPlace(new Float64Array([50, 10, 40, 20, 30]), 0.75)).toBe(40);
  });

  it('reorders the buffer it is given (and keeps its values)', () => {
    const buffer = new Float64Array([5, 4, 3, 2, 1]);
    quantileInPlace(buffer, 0.5);
    expect([...buffer].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it('returns null for an empty buffer and rejects probabilities outside [0, 1]', () => {
    expect(quantileInPlace(new Float64Array(0), 0.5)).toBeNull();
    expect(() => quantileInPlace(new Float64Array([1]), 2)).toThrow(RangeError);
  });

  it('stays exact on sorted, reversed, constant and two-valued long inputs', () => {
    const n = 5001;
    const inputs = [
      Float64Array.from({ length: n }, (_, k) => k),
      Float64Array.from({ length: n }, (_, k) => n - k),
      new Float64Array(n).fill(3),
      Float64Array.from({ length: n }, (_, k) => k % 2),
    ];
    for (const values of inputs) {
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 0.25, 0.5, 0.75, 0.9, 1]) {
        const h = (n - 1) * p;
        const lo = Math.floor(h);
        const expected = sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
        expect(quantileInPlace(values.slice(), p)).toBeCloseTo(expected, 9);
      }
    }
  });

  it('agrees with a sort-based R-7 quantile on long random inputs with many ties', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [601, 1000, 2500, 5000]) {
      for (const p of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]) {
        // Integers with many ties, the shape of employment columns.
        const values = Float64Array.from({ length: n }, () => Math.round(Math.exp(random() * 8)));
        const sorted = [...values].sort((a, b) => a - b);
        const h = (n - 1) * p;
        const lo = Math.floor(h);
        const expected = sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!);
        expect(quantileInPlace(values.slice(), p)).toBeCloseTo(expected, 9);
        expect(quantile(values, p)).toBeCloseTo(expected, 9);
      }
    }
  });
});
