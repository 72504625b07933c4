import { describe, expect, it } from 'vitest';
import { employmentMatrix } from './employmentMatrix.ts';
import { shiftShare } from './shiftShare.ts';

// E⁰ = 1000, E¹ = 1400 → g = 0.4; X 400 → 800 (g_X = 1); Y 600 → 600 (g_Y = 0).
const start = employmentMatrix(
  ['A', 'B'],
  ['X', 'Y'],
  [
    [100, 200],
    [300, 400],
  ],
);
const end = employmentMatrix(
  ['A', 'B'],
  ['X', 'Y'],
  [
    [200, 150],
    [600, 450],
  ],
);

function expectClose(actual: Float64Array, expected: number[]) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, k) => expect(actual[k]).toBeCloseTo(value, 9));
}

describe('shiftShare', () => {
  it('computes national growth and industry growth from the column sums', () => {
    const result = shiftShare(start, end);
    expect(result.nationalGrowth).toBeCloseTo(0.4, 12);
    expectClose(result.industryGrowth, [1, 0]);
    expect(result.notes).toEqual([]);
  });

  it('splits each region × industry change into national share, industry mix and regional shift', () => {
    const result = shiftShare(start, end);
    // A×X: 100 → 200: NS 100·0.4 = 40, IM 100·(1 − 0.4) = 60, RS 0
    // A×Y: 200 → 150: NS 80, IM 200·(0 − 0.4) = −80, RS −50
    // B×X: 300 → 600: NS 120, IM 180, RS 0
    // B×Y: 400 → 450: NS 160, IM −160, RS 50
    expectClose(result.change, [100, -50, 300, 50]);
    expectClose(result.nationalShare, [40, 80, 120, 160]);
    expectClose(result.industryMix, [60, -80, 180, -160]);
    expectClose(result.regionalShift, [0, -50, 0, 50]);
  });

  it('makes the three components sum to the change in every cell and every region', () => {
    const result = shiftShare(start, end);
    result.change.forEach((change, k) => {
      expect(
        result.nationalShare[k]! + result.industryMix[k]! + result.regionalShift[k]!,
      ).toBeCloseTo(change, 9);
    });
    const totals = result.regionTotals;
    expectClose(totals.change, [50, 350]);
    expectClose(totals.nationalShare, [120, 280]);
    expectClose(totals.industryMix, [-20, 20]);
    expectClose(totals.regionalShift, [-50, 50]);
  });

  it('gives industry-mix and regional-shift totals that cancel over all regions when the regions are the nation', () => {
    const result = shiftShare(start, end);
    const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
    expect(sum(result.regionTotals.regionalShift)).toBeCloseTo(0, 9);
    expect(
      sum(result.regionTotals.nationalShare) + sum(result.regionTotals.industryMix),
    ).toBeCloseTo(400, 9);
  });

  it('measures against reference (national) growth when given', () => {
    // Nation: X 1000 → 1500 (g_X = 0.5), Y 1000 → 1000, plus Z 2000 → 2500: E 4000 → 5000, g = 0.25.
    const result = shiftShare(start, end, {
      reference: {
        startIndustryEmployment: new Map([
          ['X', 1000],
          ['Y', 1000],
          ['Z', 2000],
        ]),
        endIndustryEmployment: new Map([
          ['X', 1500],
          ['Y', 1000],
          ['Z', 2500],
        ]),
      },
    });
    expect(result.nationalGrowth).toBeCloseTo(0.25, 12);
    expectClose(result.industryGrowth, [0.5, 0]);
    // A×X: NS 25, IM 100·0.25 = 25, RS 100 − 50 = 50
    expectClose(result.nationalShare.subarray(0, 1), [25]);
    expectClose(result.industryMix.subarray(0, 1), [25]);
    expectClose(result.regionalShift.subarray(0, 1), [50]);
  });

  it('puts an industry that is new everywhere entirely into regional shift, with a note', () => {
    const before = employmentMatrix(['A'], ['X', 'Y'], [[0, 100]]);
    const after = employmentMatrix(['A'], ['X', 'Y'], [[30, 100]]);
    const result = shiftShare(before, after);
    expect(result.notes).toEqual([{ kind: 'zeroIndustryStart', industryId: 'X' }]);
    expect(result.industryGrowth[0]).toBeCloseTo(result.nationalGrowth, 12);
    expectClose(result.nationalShare, [0, 30]);
    expectClose(result.industryMix, [0, -30]);
    expectClose(result.regionalShift, [30, 0]);
    expect(Array.from(result.regionalShift).some(Number.isNaN)).toBe(false);
  });

  it('takes national growth as 0, with a note, when the start year has no employment', () => {
    const before = employmentMatrix(['A'], ['X'], [[0]]);
    const after = employmentMatrix(['A'], ['X'], [[10]]);
    const result = shiftShare(before, after);
    expect(result.nationalGrowth).toBe(0);
    expect(result.notes).toEqual([
      { kind: 'zeroStartTotal' },
      { kind: 'zeroIndustryStart', industryId: 'X' },
    ]);
    expectClose(result.regionalShift, [10]);
  });

  it('notes industries missing from the reference and counts them as 0', () => {
    const result = shiftShare(start, end, {
      reference: {
        startIndustryEmployment: new Map([['X', 400]]),
        endIndustryEmployment: new Map([['X', 800]]),
      },
    });
    expect(result.notes).toContainEqual({
      kind: 'missingReferenceIndustry',
      industryId: 'Y',
      year: 'start',
    });
    expect(result.notes).toContainEqual({ kind: 'zeroIndustryStart', industryId: 'Y' });
  });

  it('rejects matrices with different regions or industries', () => {
    const other = employmentMatrix(
      ['A', 'C'],
      ['X', 'Y'],
      [
        [1, 1],
        [1, 1],
      ],
    );
    expect(() => shiftShare(start, other)).toThrow(RangeError);
  });
});
