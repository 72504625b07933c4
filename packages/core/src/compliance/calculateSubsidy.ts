import type {
  SubsidyCalculationInput,
  SubsidyCostLine,
  SupportMeasure,
} from './support-measure.schema.ts';

export type SubsidyLineReasonCode =
  | 'eligible'
  | 'applicant_not_participant'
  | 'cost_kind'
  | 'before_window'
  | 'after_window'
  | 'supplier_not_participant'
  | 'supplier_unknown'
  | 'not_documented'
  | 'documents_unknown';

export interface SubsidyLineReason {
  readonly code: SubsidyLineReasonCode;
  readonly message: string;
  readonly messageEn: string;
}

export interface SubsidyLine {
  readonly id: string;
  /** true — eligible; false — not; null — a condition cannot be checked for lack of data (counted as 0). */
  readonly eligible: boolean | null;
  /** Why: `eligible` alone, or every condition the line fails or lacks data for. */
  readonly reasons: readonly SubsidyLineReason[];
  /** The cost that counts (the line's amount when eligible, else 0). */
  readonly eligibleAmountRub: number;
  readonly share: number;
  /** eligibleAmountRub × share, to the kopeck, before the cap. */
  readonly subsidyBeforeCapRub: number;
  /** This line's part of the result after the cap (the cap shared in proportion). */
  readonly resultRub: number;
}

export interface SubsidyCalculation {
  readonly measureId: string;
  readonly share: number;
  readonly lines: readonly SubsidyLine[];
  readonly eligibleCostsRub: number;
  readonly subsidyBeforeCapRub: number;
  /** The measure's cap per applicant; null — none. */
  readonly capRub: number | null;
  /** What is left of the cap after earlier awards; null — no cap. */
  readonly remainingCapRub: number | null;
  readonly capApplied: boolean;
  readonly resultRub: number;
  /** Lines with eligible: null — the result does not include them until the data are given. */
  readonly pendingLines: readonly string[];
}

const kopecks = (rub: number) => Math.round(rub * 100);
const rubles = (kop: number) => kop / 100;
const ruDate = (iso: string) => iso.split('-').reverse().join('.');

function lineReasons(
  line: SubsidyCostLine,
  measure: SupportMeasure,
  applicantParticipant: boolean,
): SubsidyLineReason[] {
  const reasons: SubsidyLineReason[] = [];
  const { conditions, costDateFrom, costDateTo } = measure;
  if (conditions.applicantMustBeClusterParticipant && !applicantParticipant)
    reasons.push({
      code: 'applicant_not_participant',
      message: 'Заявитель не участник кластера из реестра Минпромторга',
      messageEn: 'The applicant is not a participant of a cluster in the Minpromtorg registry',
    });
  if (!measure.eligibleCostKinds.includes(line.kind))
    reasons.push({
      code: 'cost_kind',
      message: `Мера не возмещает затраты вида «${line.kind}»`,
      messageEn: `The measure does not reimburse costs of kind "${line.kind}"`,
    });
  if (costDateFrom !== null && line.date < costDateFrom)
    reasons.push({
      code: 'before_window',
      message: `Затраты ${ruDate(line.date)} — раньше ${ruDate(costDateFrom)}`,
      messageEn: `The cost of ${line.date} is before ${costDateFrom}`,
    });
  if (costDateTo !== null && line.date > costDateTo)
    reasons.push({
      code: 'after_window',
      message: `Затраты ${ruDate(line.date)} — позже ${ruDate(costDateTo)}`,
      messageEn: `The cost of ${line.date} is after ${costDateTo}`,
    });
  if (conditions.supplierMustBeClusterParticipant) {
    if (line.supplierIsClusterParticipant === false)
      reasons.push({
        code: 'supplier_not_participant',
        message: 'Поставщик не участник кластера',
        messageEn: 'The supplier is not a cluster participant',
      });
    else if (line.supplierIsClusterParticipant === undefined)
      reasons.push({
        code: 'supplier_unknown',
        message: 'Не указано, участник ли кластера поставщик',
        messageEn: 'It is not stated whether the supplier is a cluster participant',
      });
  }
  if (conditions.documentsRequired) {
    if (line.documented === false)
      reasons.push({
        code: 'not_documented',
        message: 'Затраты не подтверждены документами',
        messageEn: 'The cost is not documented',
      });
    else if (line.documented === undefined)
      reasons.push({
        code: 'documents_unknown',
        message: 'Не указано, подтверждены ли затраты документами',
        messageEn: 'It is not stated whether the cost is documented',
      });
  }
  return reasons;
}

const UNKNOWN: ReadonlySet<SubsidyLineReasonCode> = new Set([
  'supplier_unknown',
  'documents_unknown',
]);

/**
 * The subsidy for a project under a support measure, line by line:
 *
 *   line subsidy = eligible amount × share            (to the kopeck, half up)
 *   result       = min(Σ line subsidies, cap − already awarded)
 *
 * A line is eligible when the applicant qualifies, the cost is of a kind the
 * measure reimburses, dated inside the window (both ends inclusive: a cost of
 * 01.01.2023 counts for the starter-batch track, one of 31.12.2022 does not),
 * and meets the supplier and document conditions. A line that fails nothing
 * but lacks a fact a condition needs is neither (eligible: null), counted as 0
 * and listed in `pendingLines`: the result is then a lower bound, not a guess.
 *
 * The cap is per applicant, so earlier awards under the same measure
 * (`alreadyAwardedRub`) use it up. When it binds, each line's result is its
 * share of the remaining cap in proportion to its subsidy, in whole kopecks
 * (largest remainder), so the lines add up to the result exactly.
 *
 * `share` defaults to the measure's maximum; a share above it is a RangeError.
 */
export function calculateSubsidy(
  measure: SupportMeasure,
  input: SubsidyCalculationInput,
): SubsidyCalculation {
  const share = input.share ?? measure.maxShare;
  if (share > measure.maxShare)
    throw new RangeError(`share ${share} exceeds the measure's maximum ${measure.maxShare}`);
  const computed = input.lines.map((line) => {
    const reasons = lineReasons(line, measure, input.applicant.clusterParticipant);
    const eligible =
      reasons.length === 0 ? true : reasons.every((r) => UNKNOWN.has(r.code)) ? null : false;
    const amountKop = eligible === true ? kopecks(line.amountRub) : 0;
    return {
      line,
      eligible,
      reasons: eligible
        ? [
            {
              code: 'eligible' as const,
              message: 'Затраты соответствуют условиям меры',
              messageEn: 'The cost meets the terms of the measure',
            },
          ]
        : reasons,
      amountKop,
      subsidyKop: Math.round(amountKop * share),
    };
  });
  const totalKop = computed.reduce((sum, c) => sum + c.subsidyKop, 0);
  const capRub = measure.capPerApplicantRub;
  const remainingKop =
    capRub === null ? null : Math.max(0, kopecks(capRub) - kopecks(input.alreadyAwardedRub ?? 0));
  const capApplied = remainingKop !== null && totalKop > remainingKop;
  const resultKop = capApplied ? remainingKop : totalKop;

  // Share a binding cap in proportion to the lines' subsidies, in whole kopecks:
  // exact integer division (BigInt: kopecks × kopecks exceeds 2^53), then the
  // kopecks left over go to the largest remainders.
  const lineResults = computed.map((c) => c.subsidyKop);
  if (capApplied && totalKop > 0) {
    const total = BigInt(totalKop);
    const parts = computed.map((c, k) => {
      const product = BigInt(c.subsidyKop) * BigInt(resultKop);
      return { k, floor: Number(product / total), remainder: product % total };
    });
    let left = resultKop - parts.reduce((sum, p) => sum + p.floor, 0);
    parts
      .slice()
      .sort((a, b) =>
        a.remainder === b.remainder ? a.k - b.k : a.remainder > b.remainder ? -1 : 1,
      )
      .forEach((p) => {
        if (left > 0 && p.remainder > 0n) {
          p.floor++;
          left--;
        }
      });
    for (const p of parts) lineResults[p.k] = p.floor;
  }

  return {
    measureId: measure.id,
    share,
    lines: computed.map((c, k) => ({
      id: c.line.id,
      eligible: c.eligible,
      reasons: c.reasons,
      eligibleAmountRub: rubles(c.amountKop),
      share,
      subsidyBeforeCapRub: rubles(c.subsidyKop),
      resultRub: rubles(lineResults[k]!),
    })),
    eligibleCostsRub: rubles(computed.reduce((sum, c) => sum + c.amountKop, 0)),
    subsidyBeforeCapRub: rubles(totalKop),
    capRub,
    remainingCapRub: remainingKop === null ? null : rubles(remainingKop),
    capApplied,
    resultRub: rubles(resultKop),
    pendingLines: computed.filter((c) => c.eligible === null).map((c) => c.line.id),
  };
}
