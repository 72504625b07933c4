import { describe, expect, it } from 'vitest';
import { employmentMatrix } from '../analytics/employmentMatrix.ts';
import { aggregateToCategories } from './aggregateToCategories.ts';

const mapping = new Map([
  ['10', 'food'],
  ['10.2', 'fishing'],
  ['03', 'fishing'],
  ['F', 'construction'],
]);
const categoryCodes = ['food', 'fishing', 'construction'];

describe('aggregateToCategories', () => {
  it('sums divisions into their categories, the most specific mapping winning', () => {
    const matrix = employmentMatrix(
      ['R1', 'R2'],
      ['10', '10.2', '03', '41'],
      [
        [100, 30, 5, 40],
        [0, 0, 20, 10],
      ],
    );
    const result = aggregateToCategories(matrix, { mapping, categoryCodes });
    // R1: food = 100 − 30 (10.2 is listed under 10), fishing = 30 + 5, construction = 40 via F.
    expect([...result.matrix.values]).toEqual([70, 35, 40, 0, 20, 10]);
    expect([...result.regionTotals]).toEqual([145, 30]);
    expect([...result.unmapped]).toEqual([0, 0]);
    expect(result.notes).toEqual([]);
  });

  it('gives a section only what its listed divisions leave, and reports the unmapped remainder', () => {
    // Rosstat's layout: section C (1 000) with division 10 (600); C itself has no category.
    const matrix = employmentMatrix(['R1'], ['C', '10', 'F'], [[1000, 600, 50]]);
    const result = aggregateToCategories(matrix, { mapping, categoryCodes });
    expect([...result.matrix.values]).toEqual([600, 0, 50]);
    expect([...result.unmapped]).toEqual([400]);
    expect([...result.regionTotals]).toEqual([1050]);
    expect(result.notes).toEqual([{ kind: 'unmappedCode', industryId: 'C', value: 400 }]);
  });

  it('never makes a negative remainder when sub-codes exceed their code', () => {
    const matrix = employmentMatrix(['R1'], ['10', '10.2'], [[10, 12]]);
    const result = aggregateToCategories(matrix, { mapping, categoryCodes });
    expect([...result.matrix.values]).toEqual([0, 12, 0]);
    expect(result.notes).toEqual([{ kind: 'subCodesExceedCode', industryId: '10', regions: 1 }]);
  });

  it('treats a mapping to an unknown category as unmapped, once noted', () => {
    const matrix = employmentMatrix(['R1'], ['10'], [[5]]);
    const result = aggregateToCategories(matrix, {
      mapping: new Map([['10', 'nowhere']]),
      categoryCodes,
    });
    expect([...result.unmapped]).toEqual([5]);
    expect(result.notes).toEqual([
      { kind: 'unknownCategory', categoryCode: 'nowhere' },
      { kind: 'unmappedCode', industryId: '10', value: 5 },
    ]);
  });
});
