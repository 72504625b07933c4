import { describe, expect, it } from 'vitest';
import { clusterStrength } from './clusterStrength.ts';
import { employmentMatrix } from './employmentMatrix.ts';

const matrix = employmentMatrix(
  ['A', 'B', 'C'],
  ['X', 'Y', 'Z'],
  [
    [30, 10, 60],
    [5, 5, 0],
    [0, 0, 0],
  ],
);
// A is strong in X and Z, B in Y.
const strong = [1, 0, 1, 0, 1, 0, 0, 0, 0];

describe('clusterStrength', () => {
  it('is the share of the region’s traded employment in its strong clusters', () => {
    const result = clusterStrength(matrix, strong);
    expect([...result.tradedEmployment]).toEqual([100, 10, 0]);
    expect([...result.strongEmployment]).toEqual([90, 5, 0]);
    expect([...result.clusterStrength]).toEqual([0.9, 0.5, 0]);
  });

  it('counts only traded industries, in both numerator and denominator', () => {
    // Z is local: A = 30 / 40, B = 5 / 10.
    const result = clusterStrength(matrix, strong, { tradedIndustries: ['X', 'Y'] });
    expect([...result.tradedEmployment]).toEqual([40, 10, 0]);
    expect([...result.strongEmployment]).toEqual([30, 5, 0]);
    expect([...result.clusterStrength]).toEqual([0.75, 0.5, 0]);
  });

  it('gives 0, not NaN, when a region has no traded employment, and notes it', () => {
    const result = clusterStrength(matrix, strong);
    expect(result.clusterStrength[2]).toBe(0);
    expect(result.notes).toEqual([{ kind: 'zeroTradedEmployment', regionId: 'C' }]);
  });

  it('gives 0 to a region with no strong clusters', () => {
    const result = clusterStrength(matrix, new Uint8Array(9));
    expect([...result.clusterStrength]).toEqual([0, 0, 0]);
  });

  it('rejects flags of the wrong length and unknown traded industries', () => {
    expect(() => clusterStrength(matrix, [1, 0])).toThrow(RangeError);
    expect(() => clusterStrength(matrix, strong, { tradedIndustries: ['Q'] })).toThrow(RangeError);
  });
});
