import type { Validated } from './input-problem.ts';
import { SupportMeasureSchema, type SupportMeasure } from './support-measure.schema.ts';
import { zodProblems } from './zodProblems.ts';

/**
 * Validates the terms of a support measure (already parsed from JSON): every
 * field, no unknown ones, and a cost-date window whose end is not before its
 * start. Problems are listed per field in Russian and English.
 */
export function validateSupportMeasure(document: unknown): Validated<SupportMeasure> {
  const parsed = SupportMeasureSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const { costDateFrom, costDateTo } = parsed.data;
  if (costDateFrom !== null && costDateTo !== null && costDateTo < costDateFrom)
    return {
      ok: false,
      problems: [
        {
          field: 'costDateTo',
          code: 'window_reversed',
          message: 'Окончание окна дат затрат раньше его начала',
          messageEn: 'The end of the cost-date window is before its start',
        },
      ],
    };
  return { ok: true, value: parsed.data };
}
