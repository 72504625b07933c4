import { describe, expect, it } from 'vitest';
import { employmentMatrix } from './employmentMatrix.ts';
import { locationQuotient } from './locationQuotient.ts';

const regions = ['R1', 'R2', 'R3', 'R4', 'R5'];
const industries = ['I1', 'I2', 'I3', 'I4', 'I5'];
// EconGeo's documented example (PRODUCT.md, "Analytics definitions").
const econGeo = employmentMatrix(regions, industries, [
  [100, 0, 0, 0, 0],
  [0, 15, 5, 70, 10],
  [0, 20, 10, 20, 50],
  [0, 25, 30, 5, 40],
  [0, 40, 55, 5, 0],
]);

function rows(values: Float64Array, width: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < values.length; k += width) out.push([...values.subarray(k, k + width)]);
  return out;
}

describe('locationQuotient', () => {
  it('reproduces the EconGeo example exactly', () => {
    const lq = locationQuotient(econGeo);
    expect(rows(lq.values, 5)).toEqual([
      [5, 0, 0, 0, 0],
      [0, 0.75, 0.25, 3.5, 0.5],
      [0, 1, 0.5, 1, 2.5],
      [0, 1.25, 1.5, 0.25, 2],
      [0, 2, 2.75, 0.25, 0],
    ]);
    expect(lq.notes).toEqual([]);
    expect(lq.regionIds).toEqual(regions);
    expect(lq.industryIds).toEqual(industries);
  });

  it('measures against a subset of industries when a denominator is given (traded only)', () => {
    // Denominator I2..I5: e_R2 = 100, E = 400, E_I4 = 100 → LQ(I4, R2) = 0.7 / 0.25 = 2.8.
    const lq = locationQuotient(econGeo, { denominatorIndustries: ['I2', 'I3', 'I4', 'I5'] });
    const table = rows(lq.values, 5);
    expect(table[1]![3]).toBeCloseTo(2.8, 12);
    // R1 has no employment in the subset: its row is 0, and the note says why.
    expect(table[0]).toEqual([0, 0, 0, 0, 0]);
    expect(lq.notes).toEqual([{ kind: 'zeroRegionTotal', regionId: 'R1' }]);
    // I1 lies outside the subset: still measured against the subset's totals, as 0/… here.
    expect(table.map((row) => row[0])).toEqual([0, 0, 0, 0, 0]);
  });

  it('benchmarks against reference totals instead of the regions’ own sums', () => {
    // Country: every industry 1 000, total 5 000. R2 × I4: (70 / 100) / (1000 / 5000) = 3.5.
    const country = new Map(industries.map((id) => [id, 1000]));
    const lq = locationQuotient(econGeo, { reference: { industryEmployment: country } });
    expect(rows(lq.values, 5)[1]).toEqual([0, 0.75, 0.25, 3.5, 0.5]);
  });

  it('takes the reference total as given when it includes industries the matrix lacks', () => {
    // E = 10 000 while Σ E_i = 5 000: every quotient doubles.
    const country = new Map(industries.map((id) => [id, 1000]));
    const lq = locationQuotient(econGeo, {
      reference: { industryEmployment: country, totalEmployment: 10_000 },
    });
    expect(rows(lq.values, 5)[1]).toEqual([0, 1.5, 0.5, 7, 1]);
  });

  it('sums the reference over the denominator industries when no total is given', () => {
    const country = new Map([
      ['I1', 1000],
      ['I2', 500],
      ['I3', 500],
      ['I4', 500],
      ['I5', 500],
    ]);
    // E = 2 000 over I2..I5; R2 × I4: (70 / 100) / (500 / 2000) = 2.8
    const lq = locationQuotient(econGeo, {
      denominatorIndustries: ['I2', 'I3', 'I4', 'I5'],
      reference: { industryEmployment: country },
    });
    expect(rows(lq.values, 5)[1]![3]).toBeCloseTo(2.8, 12);
  });

  it('gives 0, not NaN, when a region has no employment, and notes the region', () => {
    const matrix = employmentMatrix(
      ['A', 'B'],
      ['X', 'Y'],
      [
        [0, 0],
        [10, 30],
      ],
    );
    const lq = locationQuotient(matrix);
    expect([...lq.values]).toEqual([0, 0, 1, 1]);
    expect(lq.notes).toEqual([{ kind: 'zeroRegionTotal', regionId: 'A' }]);
  });

  it('gives 0, not NaN, when an industry has no employment anywhere, and notes the industry', () => {
    const matrix = employmentMatrix(
      ['A', 'B'],
      ['X', 'Y'],
      [
        [0, 10],
        [0, 30],
      ],
    );
    const lq = locationQuotient(matrix);
    expect([...lq.values]).toEqual([0, 1, 0, 1]);
    expect(lq.notes).toEqual([{ kind: 'zeroIndustryTotal', industryId: 'X' }]);
  });

  it('gives all zeros and one note when the benchmark total is 0', () => {
    const matrix = employmentMatrix(['A'], ['X'], [[0]]);
    const lq = locationQuotient(matrix);
    expect([...lq.values]).toEqual([0]);
    expect(lq.notes).toEqual([{ kind: 'zeroTotal' }]);
  });

  it('treats an industry missing from the reference as E_i = 0 and notes it', () => {
    const lq = locationQuotient(econGeo, {
      reference: { industryEmployment: new Map([['I1', 100]]), totalEmployment: 500 },
    });
    expect(rows(lq.values, 5)[0]).toEqual([5, 0, 0, 0, 0]);
    expect(rows(lq.values, 5)[1]).toEqual([0, 0, 0, 0, 0]);
    expect(lq.notes).toContainEqual({ kind: 'missingReferenceIndustry', industryId: 'I2' });
    expect(lq.notes).toContainEqual({ kind: 'zeroIndustryTotal', industryId: 'I2' });
    expect(lq.values.some(Number.isNaN)).toBe(false);
  });

  it('rejects a denominator industry that is not in the matrix', () => {
    expect(() => locationQuotient(econGeo, { denominatorIndustries: ['I9'] })).toThrow(RangeError);
  });
});
