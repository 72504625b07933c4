import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('gives a different sequence for a different seed', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    expect(Array.from({ length: 5 }, a)).not.toEqual(Array.from({ length: 5 }, b));
  });

  it('matches the reference mulberry32 output for seed 0', () => {
    // First output of the reference implementation with seed 0.
    expect(createRandom(0)()).toBeCloseTo(0.26642920868471265, 15);
  });

  it('returns floats in [0, 1) with mean close to 1/2', () => {
    const random = createRandom(7);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    // One assertion after the loop: 100,000 expect() calls took longer than the
    // test timeout on a loaded machine.
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});
