import type { InputProblem, Validated } from './input-problem.ts';
import {
  SubsidyCalculationInputSchema,
  type SubsidyCalculationInput,
  type SupportMeasure,
} from './support-measure.schema.ts';
import { zodProblems } from './zodProblems.ts';

/**
 * Validates a subsidy calculation (already parsed from JSON) for a measure:
 * structure and amounts (non-negative numbers, ISO dates, no unknown fields),
 * unique line ids, and a requested share not above the measure's maximum —
 * the cases calculateSubsidy would otherwise refuse with a RangeError.
 */
export function validateSubsidyCalculationInput(
  document: unknown,
  measure: SupportMeasure,
): Validated<SubsidyCalculationInput> {
  const parsed = SubsidyCalculationInputSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const input = parsed.data;
  const problems: InputProblem[] = [];
  if (input.share !== undefined && input.share > measure.maxShare)
    problems.push({
      field: 'share',
      code: 'share_above_maximum',
      message: `Доля ${input.share} больше наибольшей доли меры ${measure.maxShare}`,
      messageEn: `The share ${input.share} exceeds the measure's maximum ${measure.maxShare}`,
    });
  const ids = new Set<string>();
  input.lines.forEach((line, k) => {
    if (ids.has(line.id))
      problems.push({
        field: `lines[${k}].id`,
        code: 'duplicate_id',
        message: `Строка затрат «${line.id}» указана дважды`,
        messageEn: `Cost line "${line.id}" is listed twice`,
      });
    ids.add(line.id);
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: input };
}
