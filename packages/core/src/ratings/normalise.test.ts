import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.ts';

const higher = 'higher_is_better' as const;
const lower = 'lower_is_better' as const;

describe('normalise', () => {
  describe("'min_max'", () => {
    it('maps the lowest value to 0 and the highest to 1 when higher is better', () => {
      expect(normalise([2, 4, 10], { method: 'min_max', direction: higher })).toEqual([0, 0.25, 1]);
    });

    it('maps the lowest value to 1 and the highest to 0 when lower is better', () => {
      expect(normalise([2, 4, 10], { method: 'min_max', direction: lower })).toEqual([1, 0.75, 0]);
    });

    it('gives every object 1 when all values are equal', () => {
      expect(normalise([3, 3, 3], { method: 'min_max', direction: higher })).toEqual([1, 1, 1]);
      expect(normalise([3, 3, 3], { method: 'min_max', direction: lower })).toEqual([1, 1, 1]);
    });

    it('gives a single observed value 1', () => {
      expect(normalise([null, 7], { method: 'min_max', direction: higher })).toEqual([null, 1]);
    });
  });

  describe("'z_score'", () => {
    it('subtracts the mean and divides by the population standard deviation', () => {
      // mean 4, deviations −2, 0, 2 → variance (4 + 0 + 4)/3 = 8/3, sd √(8/3)
      const sd = Math.sqrt(8 / 3);
      const out = normalise([2, 4, 6], { method: 'z_score', direction: higher });
      expect(out[0]).toBeCloseTo(-2 / sd, 12);
      expect(out[1]).toBeCloseTo(0, 12);
      expect(out[2]).toBeCloseTo(2 / sd, 12);
    });

    it('negates the score when lower is better', () => {
      const out = normalise([2, 4, 6], { method: 'z_score', direction: lower });
      expect(out[0]).toBeCloseTo(2 / Math.sqrt(8 / 3), 12);
    });

    it('gives every object 0, not NaN, when all values are equal (even when the mean rounds)', () => {
      expect(normalise([0.1, 0.1, 0.1], { method: 'z_score', direction: higher })).toEqual([
        0, 0, 0,
      ]);
    });
  });

  describe("'rank'", () => {
    it('rescales the competition place so that first gets 1 and last gets 0', () => {
      // places 3, 1, 2, 4 → 1 − (p − 1)/3
      expect(normalise([5, 9, 7, 1], { method: 'rank', direction: higher })).toEqual([
        1 - 2 / 3,
        1,
        1 - 1 / 3,
        0,
      ]);
    });

    it('counts the smallest value as best when lower is better', () => {
      // places 2, 4, 3, 1
      expect(normalise([5, 9, 7, 1], { method: 'rank', direction: lower })).toEqual([
        1 - 1 / 3,
        0,
        1 - 2 / 3,
        1,
      ]);
    });

    it('lets tied values share the better rank value', () => {
      // 9 first; the two 7s are both second (one value strictly better); 1 is fourth
      expect(normalise([7, 9, 7, 1], { method: 'rank', direction: higher })).toEqual([
        1 - 1 / 3,
        1,
        1 - 1 / 3,
        0,
      ]);
    });

    it('gives every object 1 when all values are equal', () => {
      expect(normalise([4, 4], { method: 'rank', direction: higher })).toEqual([1, 1]);
    });
  });

  describe("'distance_to_target'", () => {
    it('gives 1 at or beyond the target and 0 to the value furthest short of it', () => {
      // target 10: shortfalls 10, 5, 0, 0 → max 10 → 1 − s/10
      expect(
        normalise([0, 5, 10, 12], { method: 'distance_to_target', direction: higher, target: 10 }),
      ).toEqual([0, 0.5, 1, 1]);
    });

    it('measures the shortfall above the target when lower is better', () => {
      // target 2 (e.g. a ceiling): shortfalls 0, 2, 8 → 1, .75, 0
      expect(
        normalise([1, 4, 10], { method: 'distance_to_target', direction: lower, target: 2 }),
      ).toEqual([1, 0.75, 0]);
    });

    it('gives everyone 1 when everyone meets the target', () => {
      expect(
        normalise([11, 12], { method: 'distance_to_target', direction: higher, target: 10 }),
      ).toEqual([1, 1]);
    });

    it('refuses to run without a target', () => {
      expect(() => normalise([1], { method: 'distance_to_target', direction: higher })).toThrow(
        /целевое значение/,
      );
    });
  });

  it('keeps missing values null and fits the parameters to observed values only', () => {
    expect(
      normalise([null, 0, undefined, 10, Number.NaN], { method: 'min_max', direction: higher }),
    ).toEqual([null, 0, null, 1, null]);
  });

  it('returns all nulls for a column with no observed value', () => {
    expect(normalise([null, null], { method: 'z_score', direction: higher })).toEqual([null, null]);
  });
});
