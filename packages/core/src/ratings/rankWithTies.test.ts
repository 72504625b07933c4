import { describe, expect, it } from 'vitest';
import { rankWithTies } from './rankWithTies.ts';

describe('rankWithTies', () => {
  it('places the highest score first', () => {
    expect(rankWithTies([0.1, 0.9, 0.5])).toEqual([3, 1, 2]);
  });

  it('lets equal scores share the best place and skips the places they use (1, 2, 2, 4)', () => {
    expect(rankWithTies([0.9, 0.5, 0.5, 0.1])).toEqual([1, 2, 2, 4]);
  });

  it("does not skip places under 'dense' ranking (1, 2, 2, 3)", () => {
    expect(rankWithTies([0.9, 0.5, 0.5, 0.1], { method: 'dense', tolerance: 1e-9 })).toEqual([
      1, 2, 2, 3,
    ]);
  });

  it('treats scores within the tolerance as equal, absorbing floating-point noise', () => {
    expect(rankWithTies([0.1 + 0.2, 0.3])).toEqual([1, 1]);
  });

  it("measures the tolerance from the tie block's best score, so ties do not chain", () => {
    // 1 and 1 − .6 are within .7; 1 − 1.2 is within .7 of the previous but not of the best
    expect(rankWithTies([1, 0.4, -0.2], { method: 'competition', tolerance: 0.7 })).toEqual([
      1, 1, 3,
    ]);
  });

  it('gives null scores a null place and no place to anyone else', () => {
    expect(rankWithTies([null, 0.2, undefined, 0.8])).toEqual([null, 2, null, 1]);
  });

  it('returns an empty array for no scores', () => {
    expect(rankWithTies([])).toEqual([]);
  });
});
