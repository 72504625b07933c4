import { describe, expect, it } from 'vitest';
import { applyMissingValueRule } from './applyMissingValueRule.ts';

const rows = [
  [0.2, null],
  [0.6, 0.5],
  [null, 1],
];

describe('applyMissingValueRule', () => {
  it("'exclude' leaves missing cells null and imputes nothing", () => {
    const r = applyMissingValueRule(rows, 'exclude');
    expect(r.values).toEqual(rows);
    expect(r.imputed.flat().some(Boolean)).toBe(false);
    expect(r.disqualified).toEqual([false, false, false]);
  });

  it("'group_mean' fills each column's mean of observed values", () => {
    const r = applyMissingValueRule(rows, 'group_mean');
    // column 0: (.2 + .6)/2 = .4; column 1: (.5 + 1)/2 = .75
    expect(r.values[0]![1]).toBeCloseTo(0.75, 12);
    expect(r.values[2]![0]).toBeCloseTo(0.4, 12);
    expect(r.imputed).toEqual([
      [false, true],
      [false, false],
      [true, false],
    ]);
  });

  it("'group_mean' leaves a column with no observed value null", () => {
    const r = applyMissingValueRule([[null], [null]], 'group_mean');
    expect(r.values).toEqual([[null], [null]]);
    expect(r.imputed).toEqual([[false], [false]]);
  });

  it("'zero' fills 0", () => {
    const r = applyMissingValueRule(rows, 'zero');
    expect(r.values).toEqual([
      [0.2, 0],
      [0.6, 0.5],
      [0, 1],
    ]);
  });

  it("'disqualify' flags every row with a missing cell and leaves the cells as they are", () => {
    const r = applyMissingValueRule(rows, 'disqualify');
    expect(r.disqualified).toEqual([true, false, true]);
    expect(r.values).toEqual(rows);
  });

  it('treats undefined, NaN and infinities as missing', () => {
    const r = applyMissingValueRule([[undefined, Number.NaN, Infinity, 1]], 'zero');
    expect(r.values).toEqual([[0, 0, 0, 1]]);
  });
});
