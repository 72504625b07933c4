import { describe, expect, it } from 'vitest';
import { employmentMatrix } from './employmentMatrix.ts';

describe('employmentMatrix', () => {
  it('stores rows region by region, so region r and industry i is values[r * industries + i]', () => {
    const matrix = employmentMatrix(
      ['R1', 'R2'],
      ['I1', 'I2', 'I3'],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    );
    expect(matrix.values).toEqual(new Float64Array([1, 2, 3, 4, 5, 6]));
    expect(matrix.values[1 * 3 + 2]).toBe(6);
  });

  it('accepts typed arrays as rows', () => {
    const matrix = employmentMatrix(['R1'], ['I1', 'I2'], [new Float64Array([7, 8])]);
    expect([...matrix.values]).toEqual([7, 8]);
  });

  it('rejects a row of the wrong length', () => {
    expect(() => employmentMatrix(['R1'], ['I1', 'I2'], [[1]])).toThrow(RangeError);
  });

  it('rejects a different number of rows than regions', () => {
    expect(() => employmentMatrix(['R1', 'R2'], ['I1'], [[1]])).toThrow(RangeError);
  });

  it('rejects negative, NaN and infinite values', () => {
    expect(() => employmentMatrix(['R1'], ['I1'], [[-1]])).toThrow(RangeError);
    expect(() => employmentMatrix(['R1'], ['I1'], [[Number.NaN]])).toThrow(RangeError);
    expect(() => employmentMatrix(['R1'], ['I1'], [[Infinity]])).toThrow(RangeError);
  });

  it('rejects repeated region or industry ids', () => {
    expect(() => employmentMatrix(['R1', 'R1'], ['I1'], [[1], [2]])).toThrow(/duplicate region/);
    expect(() => employmentMatrix(['R1'], ['I1', 'I1'], [[1, 2]])).toThrow(/duplicate industry/);
  });
});
