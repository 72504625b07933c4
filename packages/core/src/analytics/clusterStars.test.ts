import { describe, expect, it } from 'vitest';
import { clusterStars } from './clusterStars.ts';
import { employmentMatrix } from './employmentMatrix.ts';
import { locationQuotient } from './locationQuotient.ts';

/** One-category matrix over regions A, B, C, … */
function column(employment: number[]) {
  const regionIds = employment.map((_, r) => String.fromCharCode(65 + r));
  return employmentMatrix(
    regionIds,
    ['X'],
    employment.map((e) => [e]),
  );
}
const zeros = (n: number) => new Float64Array(n);

describe('clusterStars', () => {
  it('gives a size star at or above the 90th percentile (R-7) of employment', () => {
    // 11 regions, 10..110: h = 10 · 0.9 = 9 → Q90 = 100 exactly; 100 and 110 qualify (≥).
    const employment = column([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
    const result = clusterStars(employment, zeros(11), {
      regionTotalEmployment: new Array(11).fill(1e6),
    });
    expect(result.thresholds[0]!.employmentQ90).toBe(100);
    expect([...result.size]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('gives the size star only to the largest of ten regions 1..10 (Q90 = 9.1)', () => {
    const result = clusterStars(column([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), zeros(10), {
      regionTotalEmployment: new Array(10).fill(1000),
    });
    expect([...result.size]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('gives a specialisation star at LQ ≥ 2, including exactly 2', () => {
    const result = clusterStars(column([5, 5, 5, 5]), [1.999, 2, 2.5, 0.5], {
      regionTotalEmployment: [1000, 1000, 1000, 1000],
    });
    expect([...result.specialisation]).toEqual([0, 1, 1, 0]);
  });

  it('gives a focus star at or above the 90th percentile of the category’s share of the region', () => {
    // shares [.1, .2, .5, .25, .01] → sorted [.01, .1, .2, .25, .5], h = 3.6 → .25 + .6 · .25 = .4
    const result = clusterStars(column([10, 10, 10, 10, 10]), zeros(5), {
      regionTotalEmployment: [100, 50, 20, 40, 1000],
    });
    expect(result.thresholds[0]!.focusQ90).toBeCloseTo(0.4, 12);
    expect([...result.focus]).toEqual([0, 0, 1, 0, 0]);
  });

  it('ranks only regions with employment in the category, and gives absent regions no star', () => {
    // Counting the five zeros, Q90 of employment would fall; here it is Q90 of [10, 20] = 19.
    // Shares F 0.1, G 0.2 → focus Q90 = 0.19 → G. The absent regions' LQ of 9 earns nothing.
    const result = clusterStars(column([0, 0, 0, 0, 0, 10, 20]), [9, 9, 9, 9, 9, 0, 0], {
      regionTotalEmployment: [1, 1, 1, 1, 1, 100, 100],
    });
    expect(result.thresholds[0]).toMatchObject({ regions: 2, employmentQ90: 19 });
    expect([...result.stars]).toEqual([0, 0, 0, 0, 0, 0, 2]);
  });

  it('adds the three stars into a 0–3 rating (with total-employment LQ, as ECO)', () => {
    // Category X, rest of economy Y.
    const matrix = employmentMatrix(
      ['A', 'B', 'C'],
      ['X', 'Y'],
      [
        [60, 40],
        [10, 90],
        [10, 290],
      ],
    );
    // LQ(X): E_X = 80, E = 500 → A 0.6/0.16 = 3.75, B 0.625, C 0.208…
    // Q90 employment X over [60,10,10] = 50 → A; shares [.6,.1,.033] Q90 = .5 → A.
    const result = clusterStars(matrix, locationQuotient(matrix).values);
    expect(result.stars[0]).toBe(3);
    expect(result.stars[2]).toBe(0);
    // Y: employment [40, 90, 290] Q90 = 250 → C size; LQ(Y, C) = (290/300)/(420/500) ≈ 1.15;
    // shares [.4, .9, .967] Q90 ≈ .953 → C focus. Two stars.
    expect(result.stars[5]).toBe(2);
    expect([...result.stars]).toEqual(
      [...result.size].map((s, k) => s + result.specialisation[k]! + result.focus[k]!),
    );
  });

  it('takes region totals from the row sums by default', () => {
    const matrix = employmentMatrix(
      ['A', 'B'],
      ['X', 'Y'],
      [
        [1, 3],
        [3, 1],
      ],
    );
    // shares of X: A 0.25, B 0.75 → Q90 = 0.7 → B focus.
    const result = clusterStars(matrix, zeros(4));
    expect([...result.focus]).toEqual([0, 1, 1, 0]);
  });

  it('notes a category with no employment anywhere and a region whose given total is 0', () => {
    const matrix = employmentMatrix(
      ['A', 'B'],
      ['X', 'Y'],
      [
        [0, 4],
        [0, 6],
      ],
    );
    const result = clusterStars(matrix, zeros(4), { regionTotalEmployment: [0, 6] });
    expect(result.notes).toEqual([
      { kind: 'zeroRegionTotal', regionId: 'A' },
      { kind: 'noRegionsWithEmployment', industryId: 'X' },
    ]);
    expect(result.thresholds[0]).toEqual({
      industryId: 'X',
      regions: 0,
      employmentQ90: null,
      focusQ90: null,
    });
  });

  it('rejects location quotients or region totals of the wrong length', () => {
    expect(() => clusterStars(column([1, 2]), [1])).toThrow(RangeError);
    expect(() => clusterStars(column([1, 2]), [1, 1], { regionTotalEmployment: [1] })).toThrow(
      RangeError,
    );
  });
});
