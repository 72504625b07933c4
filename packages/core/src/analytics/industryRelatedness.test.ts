import { describe, expect, it } from 'vitest';
import { employmentMatrix } from './employmentMatrix.ts';
import { industryRelatedness } from './industryRelatedness.ts';

describe('industryRelatedness', () => {
  it('is the Pearson correlation of the industries’ shares of regional employment', () => {
    // Shares of P: [.1,.2,.3,.4], of Q: [.1,.3,.2,.4] → r = 4 / √(5 · 5) = 0.8
    const matrix = employmentMatrix(
      ['A', 'B', 'C', 'D'],
      ['P', 'Q', 'R'],
      [
        [1, 1, 8],
        [2, 3, 5],
        [3, 2, 5],
        [4, 4, 2],
      ],
    );
    const result = industryRelatedness(matrix);
    expect(result.values[0 * 3 + 1]).toBeCloseTo(0.8, 12);
    expect(result.values[1 * 3 + 0]).toBeCloseTo(0.8, 12);
    expect(result.regionsCounted).toBe(4);
    expect(result.notes).toEqual([]);
  });

  it('gives 1 on the diagonal and a symmetric matrix', () => {
    const matrix = employmentMatrix(
      ['A', 'B', 'C'],
      ['X', 'Y', 'Z'],
      [
        [10, 20, 70],
        [20, 50, 30],
        [35, 60, 5],
      ],
    );
    const { values } = industryRelatedness(matrix);
    for (let i = 0; i < 3; i++) {
      expect(values[i * 3 + i]).toBe(1);
      for (let j = 0; j < 3; j++) expect(values[i * 3 + j]).toBe(values[j * 3 + i]);
    }
  });

  it('correlates shares, not counts, so region size alone does not relate industries', () => {
    // B is A scaled up tenfold; C has the opposite mix. Counts of X and Y both grow with
    // size, but their shares move in opposite directions: −1.
    const matrix = employmentMatrix(
      ['A', 'B', 'C'],
      ['X', 'Y'],
      [
        [1, 9],
        [10, 90],
        [9, 1],
      ],
    );
    expect(industryRelatedness(matrix).values[1]).toBeCloseTo(-1, 12);
  });

  it('gives 0, with a note, for an industry whose share is the same in every region', () => {
    const matrix = employmentMatrix(
      ['A', 'B', 'C'],
      ['X', 'Y', 'Z', 'W'],
      [
        [10, 20, 60, 10],
        [20, 40, 30, 10],
        [30, 60, 0, 10],
      ],
    );
    const result = industryRelatedness(matrix);
    const row = (i: number) => [...result.values.subarray(i * 4, i * 4 + 4)];
    expect(row(3)).toEqual([0, 0, 0, 0]);
    expect(result.values[0 * 4 + 1]).toBeCloseTo(1, 12);
    expect(result.values[0 * 4 + 2]).toBeCloseTo(-1, 12);
    expect(result.notes).toEqual([{ kind: 'zeroVariance', industryId: 'W' }]);
    expect(result.values.some(Number.isNaN)).toBe(false);
  });

  it('leaves out regions with no employment, with a note', () => {
    const matrix = employmentMatrix(
      ['A', 'B', 'C', 'E'],
      ['X', 'Y'],
      [
        [1, 9],
        [5, 5],
        [0, 0],
        [9, 1],
      ],
    );
    const result = industryRelatedness(matrix);
    expect(result.regionsCounted).toBe(3);
    expect(result.notes).toEqual([{ kind: 'zeroRegionTotal', regionId: 'C' }]);
    expect(result.values[1]).toBeCloseTo(-1, 12);
  });

  it('gives all zeros, with notes, when fewer than two regions have employment', () => {
    const matrix = employmentMatrix(['A'], ['X', 'Y'], [[3, 7]]);
    const result = industryRelatedness(matrix);
    expect([...result.values]).toEqual([0, 0, 0, 0]);
    expect(result.notes).toEqual([
      { kind: 'zeroVariance', industryId: 'X' },
      { kind: 'zeroVariance', industryId: 'Y' },
    ]);
  });
});
