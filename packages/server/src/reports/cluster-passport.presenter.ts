import type { ReportCell } from '@promatlas/core/api/reports.schema.ts';

/** The ПП 779 requirements and verdicts as a reader sees them in the passport. */
export const REQUIREMENT_TITLES: Record<string, string> = {
  cooperation: 'Кооперационные связи участников',
  functional_dependence: 'Функциональная зависимость',
  composition: 'Состав участников',
  specialised_organisation: 'Специализированная организация',
  decision_validity: 'Срок действия заключения Минпромторга',
};

export const VERDICT_TITLES: Record<'met' | 'not_met' | 'insufficient_data', string> = {
  met: 'соответствует',
  not_met: 'не соответствует',
  insufficient_data: 'недостаточно данных',
};

/** How an award's amount is qualified in its source («более 600 млн ₽»). */
export const AMOUNT_QUALIFIERS: Record<string, string> = {
  exact: '',
  about: 'около',
  more_than: 'более',
  less_than: 'менее',
  up_to: 'до',
  at_least: 'не менее',
};

const COMPOSITION_KEYS: Record<string, string> = {
  industrialEnterprises: 'промышленных предприятий',
  infrastructureOrganisations: 'организаций инфраструктуры',
};

/**
 * A verdict's value or threshold as text: a share in per cent for the
 * functional dependence, counts with their meaning for the composition, the
 * rest as it is; «—» when the check could not determine it.
 */
export function formatRequirementValue(code: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (code === 'functional_dependence' && typeof value === 'number')
    return `${(value * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`;
  if (code === 'decision_validity' && typeof value === 'number') return `${value} лет`;
  if (code === 'cooperation' && typeof value === 'number') return `${value} без договора`;
  if (typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) =>
        k === 'verified'
          ? v
            ? 'сверено с текстом постановления'
            : 'не сверено с текстом постановления'
          : `${COMPOSITION_KEYS[k] ?? k}: ${v === null ? '—' : String(v)}`,
      )
      .join('; ');
  return String(value);
}

/**
 * The participant × participant matrix of contracts: row — the buyer (first
 * party), column — the supplier, in the participants' order; the count of
 * contracts and the sum of their known values in million ₽ (null where no
 * contract of the pair has a value).
 */
export function cooperationMatrix(
  participants: number[],
  contracts: { buyer_id: number; supplier_id: number; value_rub: number | string | null }[],
): { count: number[][]; valueMln: ReportCell[][] } {
  const index = new Map(participants.map((id, k) => [id, k]));
  const n = participants.length;
  const count = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const value = Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
  for (const c of contracts) {
    const i = index.get(c.buyer_id);
    const j = index.get(c.supplier_id);
    if (i === undefined || j === undefined) continue;
    count[i]![j]! += 1;
    if (c.value_rub !== null) value[i]![j] = (value[i]![j] ?? 0) + Number(c.value_rub);
  }
  return {
    count,
    valueMln: value.map((row) =>
      row.map((v) => (v === null ? null : Math.round(v / 10_000) / 100)),
    ),
  };
}
