import { addYears } from './addYears.ts';
import type { ClusterCheckInput } from './cluster-check.schema.ts';
import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';

export interface DecisionValidityResult {
  readonly code: 'decision_validity';
  readonly verdict: 'met' | 'not_met' | 'insufficient_data';
  /** The decision date; null when there is no decision or it is unknown. */
  readonly value: string | null;
  /** Years a decision is valid (rules.decision.validityYears). */
  readonly threshold: number;
  readonly participants: readonly string[];
  /** The first day the decision is no longer valid (decision date + validity); null without a decision. */
  readonly deadline: string | null;
}

/**
 * ПП РФ № 779: a Minpromtorg decision that the cluster complies is valid for
 * `validityYears` (5) from its date. A decision of 15.03.2021 is valid through
 * 14.03.2026; on 15.03.2026, exactly five years later, it is no longer valid.
 *
 * `decisionDate: null` means the cluster has no decision (a candidate): nothing
 * can have expired, so the requirement is met. An absent `decisionDate` means
 * it is unknown whether there is one: insufficient_data.
 */
export function checkDecisionValidity(
  input: ClusterCheckInput,
  rules: ClusterRuleSet,
): DecisionValidityResult {
  const threshold = rules.decision.validityYears;
  const base = { code: 'decision_validity', threshold, participants: [] } as const;
  const date = input.cluster.decisionDate;
  if (date === undefined)
    return { ...base, verdict: 'insufficient_data', value: null, deadline: null };
  if (date === null) return { ...base, verdict: 'met', value: null, deadline: null };
  const expires = addYears(date, threshold);
  return {
    ...base,
    verdict: input.asOf < expires ? 'met' : 'not_met',
    value: date,
    deadline: expires,
  };
}
