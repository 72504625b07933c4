import { applicableFunctionalDependenceThreshold } from './applicableFunctionalDependenceThreshold.ts';
import type { ClusterCheckInput, ClusterCheckParticipant } from './cluster-check.schema.ts';
import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';
import { NON_INDUSTRIAL_KINDS } from './participant-roles.ts';

export interface FunctionalDependenceResult {
  readonly code: 'functional_dependence';
  readonly verdict: 'met' | 'not_met' | 'insufficient_data';
  /** Σ purchases from other participants ÷ Σ total purchases; null when it cannot be computed. */
  readonly value: number | null;
  /** The applicable threshold; null when the territory data do not decide it. */
  readonly threshold: number | null;
  /**
   * not_met: the finished-product makers whose own share is below the threshold;
   * insufficient_data: the participants whose data are missing.
   */
  readonly participants: readonly string[];
  readonly deadline: null;
  /** The year measured: the latest calendar year that ended before `asOf` (its year − 1). */
  readonly year: number;
}

function makerStatus(p: ClusterCheckParticipant): 'maker' | 'not' | 'unknown' {
  if (p.finalProductMaker === true) return 'maker';
  if (p.finalProductMaker === false || p.industrial === false || NON_INDUSTRIAL_KINDS.has(p.kind))
    return 'not';
  return 'unknown';
}

/**
 * ПП РФ № 779, overall level of functional dependence:
 *
 *   FD = Σ fromParticipantsRub ÷ Σ totalRub
 *
 * over the participants that make finished products, for the latest complete
 * calendar year (the year before `asOf`: a year is complete once it has ended,
 * and on `asOf` itself the current year has not). Purchases of other years and
 * of other participants are ignored.
 *
 * Verdict:
 * - insufficient_data (value null) when a participant may be a finished-product
 *   maker but it is not stated, or a maker has no purchase row for the year —
 *   a partial sum would be a guess; those participants are listed;
 * - not_met (value null) when no participant makes finished products or their
 *   total purchases are 0: dependence is not shown;
 * - against the applicable threshold (≥ is met, exactly 20 % passes); when the
 *   threshold is undecided, FD ≥ the standard threshold is met, FD below the
 *   reduced one is not, and between them the data are insufficient (the
 *   participants with unknown territory are listed).
 */
export function checkFunctionalDependence(
  input: ClusterCheckInput,
  rules: ClusterRuleSet,
): FunctionalDependenceResult {
  const year = Number(input.asOf.slice(0, 4)) - 1;
  const applicable = applicableFunctionalDependenceThreshold(input, rules);
  const threshold = applicable.threshold;
  const base = { code: 'functional_dependence', deadline: null, year, threshold } as const;

  const byBuyer = new Map<string, { totalRub: number; fromParticipantsRub: number }>();
  for (const purchase of input.purchases)
    if (purchase.year === year) byBuyer.set(purchase.buyer, purchase);

  const makers: string[] = [];
  const missing: string[] = [];
  for (const p of input.participants) {
    const status = makerStatus(p);
    if (status === 'unknown') missing.push(p.id);
    else if (status === 'maker') {
      makers.push(p.id);
      if (!byBuyer.has(p.id)) missing.push(p.id);
    }
  }
  if (missing.length)
    return { ...base, verdict: 'insufficient_data', value: null, participants: missing };

  let total = 0;
  let fromParticipants = 0;
  for (const id of makers) {
    const purchase = byBuyer.get(id)!;
    total += purchase.totalRub;
    fromParticipants += purchase.fromParticipantsRub;
  }
  if (total === 0) return { ...base, verdict: 'not_met', value: null, participants: [] };
  const value = fromParticipants / total;

  if (threshold === null) {
    const { threshold: standard, reducedThreshold } = rules.functionalDependence;
    if (value >= standard) return { ...base, verdict: 'met', value, participants: [] };
    if (value < reducedThreshold)
      return { ...base, verdict: 'not_met', value, participants: below(reducedThreshold) };
    return {
      ...base,
      verdict: 'insufficient_data',
      value,
      participants: applicable.unknownParticipants,
    };
  }
  return value >= threshold
    ? { ...base, verdict: 'met', value, participants: [] }
    : { ...base, verdict: 'not_met', value, participants: below(threshold) };

  function below(limit: number): string[] {
    return makers.filter((id) => {
      const purchase = byBuyer.get(id)!;
      return purchase.totalRub === 0 || purchase.fromParticipantsRub / purchase.totalRub < limit;
    });
  }
}
