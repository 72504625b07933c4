import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPORT_MEASURES } from './default-support-measures.ts';
import { validateSupportMeasure } from './validateSupportMeasure.ts';

const starter = DEFAULT_SUPPORT_MEASURES[1]!;

describe('validateSupportMeasure', () => {
  it('accepts both shipped ПП 41 tracks as they are', () => {
    for (const measure of DEFAULT_SUPPORT_MEASURES)
      expect(validateSupportMeasure(measure)).toEqual({ ok: true, value: measure });
  });

  it('names a negative cap and a share above 1 by field, in Russian and English', () => {
    const result = validateSupportMeasure({ ...starter, capPerApplicantRub: -1, maxShare: 1.5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['capPerApplicantRub', 'maxShare']);
    for (const p of result.problems) {
      expect(p.message).toMatch(/[а-я]/i);
      expect(p.messageEn).toMatch(/[a-z]/i);
    }
  });

  it('refuses a non-numeric share and an unknown field', () => {
    const result = validateSupportMeasure({ ...starter, maxShare: '50 %', extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['extra', 'maxShare']);
  });

  it('refuses a cost-date window that ends before it starts', () => {
    const result = validateSupportMeasure({ ...starter, costDateTo: '2022-12-31' });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ field: 'costDateTo', code: 'window_reversed' }],
    });
  });
});
