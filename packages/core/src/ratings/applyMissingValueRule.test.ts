import { describe, expect, it } from 'vitest';
import { applyMissingValueRule } from './applyMissingValueRule.ts';

const rows = [
  [0.2, null],
  [0.6, 0.5],
  [null, 1],
];
const plain = (xs: ArrayLike<number>[]) => xs.map((x) => Array.from(x));

describe('applyMissingValueRule', () => {
  it("'exclude' leaves missing cells missing (NaN) and imputes nothing", () => {
    const r = applyMissingValueRule(rows, 'exclude');
    expect(plain(r.values)).toEqual([
      [0.2, NaN],
      [0.6, 0.5],
      [NaN, 1],
    ]);
    expect(plain(r.imputed).flat().some(Boolean)).toBe(false);
    expect(r.disqualified).toEqual([false, false, false]);
  });

  it("'group_mean' fills each column's mean of observed values and marks the cells imputed", () => {
    const r = applyMissingValueRule(rows, 'group_mean');
    // column 0: (.2 + .6)/2 = .4; column 1: (.5 + 1)/2 = .75
    expect(r.values[0]![1]).toBeCloseTo(0.75, 12);
    expect(r.values[2]![0]).toBeCloseTo(0.4, 12);
    expect(plain(r.imputed)).toEqual([
      [0, 1],
      [0, 0],
      [1, 0],
    ]);
  });

  it("'group_mean' leaves a column with no observed value missing", () => {
    const r = applyMissingValueRule([[null], [null]], 'group_mean');
    expect(plain(r.values)).toEqual([[NaN], [NaN]]);
    expect(plain(r.imputed)).toEqual([[0], [0]]);
  });

  it("'zero' fills 0", () => {
    const r = applyMissingValueRule(rows, 'zero');
    expect(plain(r.values)).toEqual([
      [0.2, 0],
      [0.6, 0.5],
      [0, 1],
    ]);
  });

  it("'disqualify' flags every row with a missing cell and leaves the cells as they are", () => {
    const r = applyMissingValueRule(rows, 'disqualify');
    expect(r.disqualified).toEqual([true, false, true]);
    expect(plain(r.values)).toEqual([
      [0.2, NaN],
      [0.6, 0.5],
      [NaN, 1],
    ]);
  });

  it('treats undefined, NaN and infinities as missing', () => {
    const r = applyMissingValueRule([[undefined, Number.NaN, Infinity, 1]], 'zero');
    expect(plain(r.values)).toEqual([[0, 0, 0, 1]]);
  });

  it('accepts typed-array rows with NaN for missing cells', () => {
    const r = applyMissingValueRule([Float64Array.of(NaN, 2), Float64Array.of(4, 4)], 'group_mean');
    expect(plain(r.values)).toEqual([
      [4, 2],
      [4, 4],
    ]);
  });
});
