import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPORT_MEASURES } from './default-support-measures.ts';
import type { SupportMeasure } from './support-measure.schema.ts';
import { validateSubsidyCalculationInput } from './validateSubsidyCalculationInput.ts';

const starter = DEFAULT_SUPPORT_MEASURES[1] as SupportMeasure;
const line = {
  id: 'a',
  description: 'Стартовая партия',
  kind: 'starter_batch_components',
  date: '2023-05-01',
  amountRub: 1_000_000,
  documented: true,
  supplierIsClusterParticipant: true,
};
const applicant = { name: 'Пример', clusterParticipant: true };

describe('validateSubsidyCalculationInput', () => {
  it('accepts a sound calculation and counts no earlier awards by default', () => {
    expect(validateSubsidyCalculationInput({ applicant, lines: [line] }, starter)).toEqual({
      ok: true,
      value: { applicant, alreadyAwardedRub: 0, lines: [line] },
    });
  });

  it('names a negative amount, a non-numeric one and an impossible date', () => {
    const result = validateSubsidyCalculationInput(
      {
        applicant,
        lines: [
          { ...line, amountRub: -5 },
          { ...line, id: 'b', amountRub: '1 000' },
          { ...line, id: 'c', date: '2023-13-01' },
        ],
      },
      starter,
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.code])).toEqual([
      ['lines[0].amountRub', 'too_small'],
      ['lines[1].amountRub', 'invalid_type'],
      ['lines[2].date', 'invalid_format'],
    ]);
  });

  it('refuses a share above the measure’s maximum and a repeated line id', () => {
    const result = validateSubsidyCalculationInput(
      { applicant, share: 0.6, lines: [line, line] },
      starter,
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.code])).toEqual([
      ['share', 'share_above_maximum'],
      ['lines[1].id', 'duplicate_id'],
    ]);
  });
});
