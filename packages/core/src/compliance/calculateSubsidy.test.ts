import { describe, expect, it } from 'vitest';
import { calculateSubsidy } from './calculateSubsidy.ts';
import { DEFAULT_SUPPORT_MEASURES } from './default-support-measures.ts';
import {
  SupportMeasureSchema,
  type SubsidyCostLine,
  type SupportMeasure,
} from './support-measure.schema.ts';

const [original, starter] = DEFAULT_SUPPORT_MEASURES as [SupportMeasure, SupportMeasure];
const applicant = { name: 'Станкозавод (пример)', clusterParticipant: true };

function batch(id: string, date: string, amountRub: number, extra: Partial<SubsidyCostLine> = {}) {
  return {
    id,
    description: `Стартовая партия ${id}`,
    kind: 'starter_batch_components' as const,
    date,
    amountRub,
    documented: true,
    supplierIsClusterParticipant: true,
    ...extra,
  };
}

describe('calculateSubsidy', () => {
  it('ships both ПП 41 tracks as valid support-measure data', () => {
    for (const measure of DEFAULT_SUPPORT_MEASURES)
      expect(SupportMeasureSchema.parse(JSON.parse(JSON.stringify(measure)))).toEqual(measure);
    expect(original).toMatchObject({ maxShare: 0.5, capPerApplicantRub: null, costDateFrom: null });
    expect(starter).toMatchObject({
      maxShare: 0.5,
      capPerApplicantRub: 150_000_000,
      costDateFrom: '2023-01-01',
    });
  });

  describe('original track: up to 50 % of joint-project costs', () => {
    it('reimburses half of each joint-project line to the kopeck and rejects other kinds', () => {
      // 10 000 000 × 0.5 = 5 000 000; 4 000 000.51 × 0.5 = 2 000 000.255 → 2 000 000.26 (half up)
      const result = calculateSubsidy(original, {
        applicant,
        lines: [
          {
            id: 'a',
            description: 'Оснастка',
            kind: 'joint_project',
            date: '2017-04-01',
            amountRub: 10_000_000,
          },
          {
            id: 'b',
            description: 'НИОКР',
            kind: 'joint_project',
            date: '2017-09-01',
            amountRub: 4_000_000.51,
          },
          {
            id: 'c',
            description: 'Реклама',
            kind: 'other',
            date: '2017-09-01',
            amountRub: 1_000_000,
          },
        ],
      });
      expect(result.lines.map((l) => [l.id, l.eligible, l.subsidyBeforeCapRub])).toEqual([
        ['a', true, 5_000_000],
        ['b', true, 2_000_000.26],
        ['c', false, 0],
      ]);
      expect(result.lines[2]!.reasons.map((r) => r.code)).toEqual(['cost_kind']);
      expect(result).toMatchObject({
        share: 0.5,
        eligibleCostsRub: 14_000_000.51,
        subsidyBeforeCapRub: 7_000_000.26,
        capRub: null,
        capApplied: false,
        resultRub: 7_000_000.26,
      });
    });

    it('gives nothing to an applicant that is not a participant of a registered cluster', () => {
      const result = calculateSubsidy(original, {
        applicant: { ...applicant, clusterParticipant: false },
        lines: [
          {
            id: 'a',
            description: 'Оснастка',
            kind: 'joint_project',
            date: '2017-04-01',
            amountRub: 10_000_000,
          },
        ],
      });
      expect(result.resultRub).toBe(0);
      expect(result.lines[0]!.reasons[0]!.code).toBe('applicant_not_participant');
    });

    it('applies a lower share set by the selection, and refuses one above the maximum', () => {
      const lines = [
        {
          id: 'a',
          description: 'Оснастка',
          kind: 'joint_project' as const,
          date: '2017-04-01',
          amountRub: 10_000_000,
        },
      ];
      expect(calculateSubsidy(original, { applicant, share: 0.3, lines }).resultRub).toBe(
        3_000_000,
      );
      expect(() => calculateSubsidy(original, { applicant, share: 0.6, lines })).toThrow(
        RangeError,
      );
    });
  });

  describe('starter batches: up to 50 %, at most 150 mln ₽ per applicant, costs from 01.01.2023', () => {
    it('caps the result at 150 mln ₽ and shares the cap between lines in proportion', () => {
      // 200 mln × 0.5 = 100 mln; 120 mln × 0.5 = 60 mln; 160 mln > 150 mln → 150 mln,
      // split 100 : 60 → 93.75 mln and 56.25 mln.
      const result = calculateSubsidy(starter, {
        applicant,
        lines: [batch('a', '2023-03-01', 200_000_000), batch('b', '2024-05-10', 120_000_000)],
      });
      expect(result).toMatchObject({
        eligibleCostsRub: 320_000_000,
        subsidyBeforeCapRub: 160_000_000,
        capRub: 150_000_000,
        remainingCapRub: 150_000_000,
        capApplied: true,
        resultRub: 150_000_000,
      });
      expect(result.lines.map((l) => l.resultRub)).toEqual([93_750_000, 56_250_000]);
    });

    it('is not capped at exactly 150 mln ₽', () => {
      const result = calculateSubsidy(starter, {
        applicant,
        lines: [batch('a', '2023-03-01', 300_000_000)],
      });
      expect(result).toMatchObject({ capApplied: false, resultRub: 150_000_000 });
    });

    it('counts earlier awards to the same applicant against the cap', () => {
      const result = calculateSubsidy(starter, {
        applicant,
        alreadyAwardedRub: 140_000_000,
        lines: [batch('a', '2024-02-01', 50_000_000)],
      });
      expect(result).toMatchObject({
        remainingCapRub: 10_000_000,
        capApplied: true,
        resultRub: 10_000_000,
      });
    });

    it('makes the capped lines add up to the result to the kopeck', () => {
      // 3 equal lines of 100 mln: 150 mln of subsidy, cap 149 999 999.99 left → 49 999 999.997 each.
      const result = calculateSubsidy(starter, {
        applicant,
        alreadyAwardedRub: 0.01,
        lines: [
          batch('a', '2023-02-01', 100_000_000),
          batch('b', '2023-02-01', 100_000_000),
          batch('c', '2023-02-01', 100_000_000),
        ],
      });
      expect(result.resultRub).toBe(149_999_999.99);
      expect(result.lines.map((l) => l.resultRub)).toEqual([50_000_000, 50_000_000, 49_999_999.99]);
    });

    it('rejects a cost of 31.12.2022 and accepts one of 01.01.2023', () => {
      const result = calculateSubsidy(starter, {
        applicant,
        lines: [batch('old', '2022-12-31', 10_000_000), batch('new', '2023-01-01', 10_000_000)],
      });
      expect(result.lines.map((l) => [l.id, l.eligible, l.subsidyBeforeCapRub])).toEqual([
        ['old', false, 0],
        ['new', true, 5_000_000],
      ]);
      expect(result.lines[0]!.reasons).toEqual([
        {
          code: 'before_window',
          message: 'Затраты 31.12.2022 — раньше 01.01.2023',
          messageEn: 'The cost of 2022-12-31 is before 2023-01-01',
        },
      ]);
      expect(result.resultRub).toBe(5_000_000);
    });

    it('rejects components bought outside the cluster, undocumented costs and joint-project costs', () => {
      const result = calculateSubsidy(starter, {
        applicant,
        lines: [
          batch('outside', '2023-05-01', 1_000_000, { supplierIsClusterParticipant: false }),
          batch('paperless', '2023-05-01', 1_000_000, { documented: false }),
          { ...batch('project', '2023-05-01', 1_000_000), kind: 'joint_project' },
        ],
      });
      expect(result.lines.map((l) => l.reasons.map((r) => r.code))).toEqual([
        ['supplier_not_participant'],
        ['not_documented'],
        ['cost_kind'],
      ]);
      expect(result.resultRub).toBe(0);
    });

    it('leaves a line pending, not guessed, when it is not stated whether it is documented', () => {
      const { documented: _unknown, ...line } = batch('a', '2023-05-01', 1_000_000);
      const result = calculateSubsidy(starter, {
        applicant,
        lines: [line, batch('b', '2023-05-01', 2_000_000)],
      });
      expect(result.lines[0]).toMatchObject({ eligible: null, resultRub: 0 });
      expect(result.lines[0]!.reasons.map((r) => r.code)).toEqual(['documents_unknown']);
      expect(result).toMatchObject({ pendingLines: ['a'], resultRub: 1_000_000 });
    });

    it('says ineligible, not pending, when a line both fails a condition and lacks data', () => {
      const { documented: _unknown, ...line } = batch('a', '2022-05-01', 1_000_000);
      expect(calculateSubsidy(starter, { applicant, lines: [line] }).lines[0]!.eligible).toBe(
        false,
      );
    });
  });
});
