import { describe, expect, it } from 'vitest';
import { handWorkedMethodology } from './handWorkedExample.fixture.ts';
import { parseMethodology } from './parseMethodology.ts';

const valid = handWorkedMethodology;
const errorsOf = (input: unknown) => {
  const r = parseMethodology(input);
  return r.success ? [] : r.errors;
};

describe('parseMethodology', () => {
  it('accepts a well-formed methodology', () => {
    expect(parseMethodology(valid)).toEqual({ success: true, methodology: valid });
  });

  it('rejects a negative weight, naming the field', () => {
    const input = {
      ...valid,
      indicators: valid.indicators.map((i, k) => (k === 2 ? { ...i, weight: -1 } : i)),
    };
    expect(errorsOf(input)).toContain('indicators[2].weight: вес не может быть отрицательным');
  });

  it('rejects group weights that sum to zero', () => {
    const input = { ...valid, groups: valid.groups.map((g) => ({ ...g, weight: 0 })) };
    expect(errorsOf(input)).toContain('groups: сумма весов групп должна быть больше нуля');
  });

  it('rejects an indicator whose group is not defined', () => {
    const input = {
      ...valid,
      indicators: valid.indicators.map((i, k) => (k === 0 ? { ...i, group: 'zzz' } : i)),
    };
    expect(errorsOf(input)).toContain('indicators[0].group: группа «zzz» не описана в groups');
  });

  it('rejects repeated indicator and group codes', () => {
    const input = {
      ...valid,
      groups: [...valid.groups, valid.groups[0]!],
      indicators: [...valid.indicators, valid.indicators[0]!],
    };
    const errors = errorsOf(input);
    expect(errors).toContain('indicators[6].code: код показателя «a1» повторяется');
    expect(errors).toContain('groups[2].code: код группы «a» повторяется');
  });

  it('requires a target for distance-to-target normalisation', () => {
    const input = {
      ...valid,
      indicators: valid.indicators.map((i, k) =>
        k === 1 ? { ...i, normalisation: 'distance_to_target' } : i,
      ),
    };
    expect(errorsOf(input)).toContain(
      'indicators[1].target: для нормализации distance_to_target нужно целевое значение показателя «a2»',
    );
  });

  it('rejects a group whose indicators all weigh zero', () => {
    const input = {
      ...valid,
      indicators: valid.indicators.map((i) => (i.group === 'b' ? { ...i, weight: 0 } : i)),
    };
    expect(errorsOf(input)).toContain(
      'groups[1].code: в группе «b» нет ни одного показателя с положительным весом',
    );
  });

  it('reports type errors in Russian with the field path', () => {
    const errors = errorsOf({ ...valid, normalisation: 'median', title: 5 });
    expect(errors.some((e) => e.startsWith('normalisation: Неверный вариант'))).toBe(true);
    expect(errors.some((e) => e.startsWith('title: Неверный ввод'))).toBe(true);
  });
});
