import { describe, expect, it } from 'vitest';
import { employmentMatrix } from './employmentMatrix.ts';
import { locationQuotient } from './locationQuotient.ts';
import { strongClusters } from './strongClusters.ts';

/** One-industry matrix: a column of employment over regions A, B, C, … */
function column(employment: number[]) {
  const regionIds = employment.map((_, r) => String.fromCharCode(65 + r));
  return employmentMatrix(
    regionIds,
    ['X'],
    employment.map((e) => [e]),
  );
}

describe('strongClusters', () => {
  it('flags strong only where LQ ≥ Q75(LQ), LQ ≥ 1 and employment > Q25(employment)', () => {
    // qualifying B..F: Q25(employment) of [10,20,30,40,50] = 20 (h = 1);
    // Q75(LQ) of [0.5,3,1.5,2,2.5] = 2.5 (sorted [0.5,1.5,2,2.5,3], h = 3).
    const flags = strongClusters(column([0, 10, 20, 30, 40, 50]), [9, 0.5, 3, 1.5, 2, 2.5]);
    expect(flags.thresholds[0]).toEqual({
      industryId: 'X',
      qualifyingRegions: 5,
      locationQuotientQ75: 2.5,
      employmentQ25: 20,
      establishmentsQ25: null,
    });
    expect([...flags.qualifying]).toEqual([0, 1, 1, 1, 1, 1]);
    expect([...flags.significant]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...flags.strong]).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('counts LQ exactly at Q75 as strong (≥), and employment exactly at Q25 as too small (>)', () => {
    const flags = strongClusters(column([0, 10, 20, 30, 40, 50]), [9, 0.5, 3, 1.5, 2, 2.5]);
    // F: LQ 2.5 = Q75 → strong. C: LQ 3 ≥ Q75 but employment 20 = Q25 → not strong.
    expect(flags.strong[5]).toBe(1);
    expect(flags.strong[2]).toBe(0);
  });

  it('leaves out regions without employment, even with a high LQ', () => {
    const flags = strongClusters(column([0, 10, 20, 30, 40, 50]), [9, 0.5, 3, 1.5, 2, 2.5]);
    expect(flags.qualifying[0]).toBe(0);
    expect(flags.strong[0]).toBe(0);
  });

  it('takes quantiles over regions with employment > 0 only, so absent regions do not lower the bar', () => {
    // Over [10, 20] Q25 = 12.5 → A (10) is too small. Counting the zeros would give Q25 = 0.
    const flags = strongClusters(column([0, 0, 0, 10, 20]), [0, 0, 0, 5, 5]);
    expect(flags.thresholds[0]!.employmentQ25).toBe(12.5);
    expect([...flags.strong]).toEqual([0, 0, 0, 0, 1]);
  });

  it('requires LQ ≥ 1 even when the region is in the top quarter of specialisation', () => {
    // Q75(LQ) = 0.8; E has LQ 0.9 and the largest employment, but 0.9 < 1.
    const flags = strongClusters(column([10, 20, 30, 40, 50]), [0.2, 0.4, 0.6, 0.8, 0.9]);
    expect(flags.thresholds[0]!.locationQuotientQ75).toBeCloseTo(0.8, 12);
    expect([...flags.significant]).toEqual([0, 0, 1, 1, 1]);
    expect([...flags.strong]).toEqual([0, 0, 0, 0, 0]);
  });

  it('also requires establishments > Q25(establishments) when establishments are given', () => {
    // LQ 2 everywhere ≥ Q75 = 2; employment Q25 = 20; establishments Q25 of [5,1,2,9,3] = 2.
    const employment = column([10, 20, 30, 40, 50]);
    const lq = [2, 2, 2, 2, 2];
    expect([...strongClusters(employment, lq).strong]).toEqual([0, 0, 1, 1, 1]);
    const withEstablishments = strongClusters(employment, lq, { establishments: [5, 1, 2, 9, 3] });
    expect(withEstablishments.thresholds[0]!.establishmentsQ25).toBe(2);
    // C has 2 establishments = Q25: not above it, so not strong.
    expect([...withEstablishments.strong]).toEqual([0, 0, 0, 1, 1]);
  });

  it('marks nobody strong when every region has the same employment, since nobody is above Q25', () => {
    // Equal employment: Q25 = employment, and nobody is strictly above it → nobody is strong.
    const flags = strongClusters(column([10, 10, 10]), [1, 1, 1]);
    expect([...flags.strong]).toEqual([0, 0, 0]);
  });

  it('gives no flags and a note for an industry no region has', () => {
    const matrix = employmentMatrix(
      ['A', 'B'],
      ['X', 'Y'],
      [
        [0, 5],
        [0, 7],
      ],
    );
    const flags = strongClusters(matrix, [0, 1, 0, 1]);
    expect(flags.notes).toEqual([{ kind: 'noQualifyingRegions', industryId: 'X' }]);
    expect(flags.thresholds[0]).toEqual({
      industryId: 'X',
      qualifyingRegions: 0,
      locationQuotientQ75: null,
      employmentQ25: null,
      establishmentsQ25: null,
    });
    expect([...flags.qualifying]).toEqual([0, 1, 0, 1]);
  });

  it('works column by column on a full matrix (EconGeo example)', () => {
    const matrix = employmentMatrix(
      ['R1', 'R2', 'R3', 'R4', 'R5'],
      ['I1', 'I2', 'I3', 'I4', 'I5'],
      [
        [100, 0, 0, 0, 0],
        [0, 15, 5, 70, 10],
        [0, 20, 10, 20, 50],
        [0, 25, 30, 5, 40],
        [0, 40, 55, 5, 0],
      ],
    );
    const flags = strongClusters(matrix, locationQuotient(matrix).values);
    // I1: only R1 qualifies, Q25 = 100 and 100 is not above it → no strong region.
    // I2: employment [15,20,25,40] Q25 = 18.75, LQ [.75,1,1.25,2] Q75 = 1.4375 → R5.
    // I3: employment [5,10,30,55] Q25 = 8.75, LQ [.25,.5,1.5,2.75] Q75 = 1.8125 → R5.
    // I4: employment [70,20,5,5] Q25 = 5, LQ [3.5,1,.25,.25] Q75 = 1.625 → R2.
    // I5: employment [10,50,40] Q25 = 25, LQ [.5,2.5,2] Q75 = 2.25 → R3.
    const strong = [...flags.strong];
    const strongCells = strong.flatMap((flag, cell) =>
      flag ? [`${matrix.regionIds[Math.floor(cell / 5)]}×${matrix.industryIds[cell % 5]}`] : [],
    );
    expect(strongCells).toEqual(['R2×I4', 'R3×I5', 'R5×I2', 'R5×I3']);
  });

  it('rejects location quotients or establishments of the wrong length', () => {
    expect(() => strongClusters(column([1, 2]), [1])).toThrow(RangeError);
    expect(() => strongClusters(column([1, 2]), [1, 1], { establishments: [1] })).toThrow(
      RangeError,
    );
  });
});
