import { describe, expect, it } from 'vitest';
import { candidateClusters } from './candidateClusters.ts';
import { employmentMatrix } from './employmentMatrix.ts';
import { industryRelatedness } from './industryRelatedness.ts';
import { locationQuotient } from './locationQuotient.ts';
import { strongClusters } from './strongClusters.ts';

const industries = ['A', 'B', 'C', 'D', 'E', 'F'];
// Region R is strong in A and D; region S in B.
const employment = employmentMatrix(['R', 'S'], industries, [
  [500, 10, 20, 300, 0, 40],
  [50, 400, 30, 10, 60, 80],
]);
const locationQuotients = [3, 0.2, 0.8, 2.5, 0, 1.5, 0.4, 2, 1.1, 0.2, 1.8, 0.9];
const strong = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0];
// Symmetric φ; the rows that matter: B–A .8, B–D .6; C–A .4, C–D .7; E–A .9; F–A .5, F–D .2.
const phi: Record<string, number> = {
  AB: 0.8,
  BD: 0.6,
  AC: 0.4,
  CD: 0.7,
  AE: 0.9,
  AF: 0.5,
  DF: 0.2,
  AD: 0.3,
};
const values = new Float64Array(36);
industries.forEach((x, i) =>
  industries.forEach((y, j) => {
    values[i * 6 + j] = i === j ? 1 : (phi[[x, y].sort().join('')] ?? 0);
  }),
);
const input = {
  employment,
  locationQuotients,
  strong,
  relatedness: { industryIds: industries, values },
};

describe('candidateClusters', () => {
  it('lists industries related to the region’s strong ones, ranked by summed relatedness', () => {
    const candidates = candidateClusters('R', input, { minimumRelatedness: 0.5 });
    // B: .8 + .6 = 1.4; E: .9; C: .7 (A–C .4 is below the bar); F: .5 exactly (≥).
    expect(candidates.map((c) => [c.industryId, c.score])).toEqual([
      ['B', 1.4],
      ['E', 0.9],
      ['C', 0.7],
      ['F', 0.5],
    ]);
  });

  it('gives the evidence for each candidate: related strong industries, φ, own LQ and employment', () => {
    const [first] = candidateClusters('R', input, { minimumRelatedness: 0.5 });
    expect(first).toEqual({
      industryId: 'B',
      score: 1.4,
      relatedStrongIndustries: [
        { industryId: 'A', relatedness: 0.8 },
        { industryId: 'D', relatedness: 0.6 },
      ],
      locationQuotient: 0.2,
      employment: 10,
    });
  });

  it('never proposes an industry the region is already strong in, even if related to another strength', () => {
    // A–D φ = .3 here; at a bar of .3 they relate to each other, yet both are strong.
    const ids = candidateClusters('R', input, { minimumRelatedness: 0.3 }).map((c) => c.industryId);
    expect(ids).not.toContain('A');
    expect(ids).not.toContain('D');
  });

  it('includes industries absent from the region (employment 0) as diversification options', () => {
    const e = candidateClusters('R', input, { minimumRelatedness: 0.5 }).find(
      (c) => c.industryId === 'E',
    );
    expect(e).toMatchObject({ employment: 0, locationQuotient: 0 });
  });

  it('includes specialised industries that fail the strong test (LQ ≥ 1 but not strong)', () => {
    const f = candidateClusters('R', input, { minimumRelatedness: 0.5 }).find(
      (c) => c.industryId === 'F',
    );
    expect(f).toMatchObject({
      locationQuotient: 1.5,
      relatedStrongIndustries: [{ industryId: 'A', relatedness: 0.5 }],
    });
  });

  it('breaks equal scores by the highest single relatedness, then by own LQ', () => {
    const tie = new Float64Array(values);
    // C–D raised to .9 (C–A .4 stays below the bar): C now ties E on score and on highest φ.
    tie[2 * 6 + 3] = tie[3 * 6 + 2] = 0.9;
    const candidates = candidateClusters(
      'R',
      { ...input, relatedness: { industryIds: industries, values: tie } },
      {
        minimumRelatedness: 0.5,
      },
    );
    // C (LQ .8) before E (LQ 0).
    expect(candidates.map((c) => c.industryId)).toEqual(['B', 'C', 'E', 'F']);
  });

  it('works on another region with its own strengths', () => {
    // S is strong only in B: related to B at ≥ .5 are A (.8) and D (.6).
    const candidates = candidateClusters('S', input, { minimumRelatedness: 0.5 });
    expect(candidates.map((c) => c.industryId)).toEqual(['A', 'D']);
  });

  it('returns no candidates for a region without strong industries', () => {
    const none = { ...input, strong: new Uint8Array(12) };
    expect(candidateClusters('R', none, { minimumRelatedness: 0.1 })).toEqual([]);
  });

  it('keeps only the first `limit` candidates', () => {
    expect(
      candidateClusters('R', input, { minimumRelatedness: 0.5, limit: 2 }).map((c) => c.industryId),
    ).toEqual(['B', 'E']);
  });

  it('rejects an unknown region, a bar outside (0, 1] and mismatched relatedness', () => {
    expect(() => candidateClusters('Q', input, { minimumRelatedness: 0.5 })).toThrow(RangeError);
    expect(() => candidateClusters('R', input, { minimumRelatedness: 0 })).toThrow(RangeError);
    expect(() => candidateClusters('R', input, { minimumRelatedness: 1.2 })).toThrow(RangeError);
    expect(() =>
      candidateClusters(
        'R',
        { ...input, relatedness: { industryIds: ['A'], values: [1] } },
        { minimumRelatedness: 0.5 },
      ),
    ).toThrow(RangeError);
  });

  it('chains with locationQuotient, strongClusters and industryRelatedness (EconGeo example)', () => {
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
    const lq = locationQuotient(matrix).values;
    const chained = {
      employment: matrix,
      locationQuotients: lq,
      strong: strongClusters(matrix, lq).strong,
      relatedness: industryRelatedness(matrix),
    };
    // Shares of I2 [0,.15,.2,.25,.4] and I5 [0,.1,.5,.4,0]: φ = .015 / √(.085 · .22) ≈ .1097.
    // R5 is strong in I2 and I3; of the rest only I5 relates (to I2) at φ ≥ .1, and is absent.
    const [candidate, ...rest] = candidateClusters('R5', chained, { minimumRelatedness: 0.1 });
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({ industryId: 'I5', employment: 0, locationQuotient: 0 });
    expect(candidate!.relatedStrongIndustries).toHaveLength(1);
    expect(candidate!.relatedStrongIndustries[0]!.industryId).toBe('I2');
    expect(candidate!.relatedStrongIndustries[0]!.relatedness).toBeCloseTo(
      0.015 / Math.sqrt(0.085 * 0.22),
      12,
    );
    // R3 is strong in I5; I2 relates to it and has LQ exactly 1 there, yet is not strong.
    expect(candidateClusters('R3', chained, { minimumRelatedness: 0.1 })).toMatchObject([
      { industryId: 'I2', locationQuotient: 1, employment: 20 },
    ]);
  });
});
