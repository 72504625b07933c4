import type { ClusterCheckInput } from './cluster-check.schema.ts';
import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';

export interface SpecialisedOrganisationResult {
  readonly code: 'specialised_organisation';
  readonly verdict: 'met' | 'not_met';
  /** How many participants are of a specialised-organisation kind. */
  readonly value: number;
  /** 1 when required, 0 when the rule set does not require one. */
  readonly threshold: number;
  readonly participants: readonly string[];
  readonly deadline: null;
}

/**
 * ПП РФ № 779: the cluster has a specialised organisation (the managing
 * company that coordinates it). Every participant's kind is required input, so
 * the answer is always known: met when at least one participant is of a
 * specialised-organisation kind, or when the rule set does not require one.
 */
export function checkSpecialisedOrganisation(
  input: ClusterCheckInput,
  rules: ClusterRuleSet,
): SpecialisedOrganisationResult {
  const kinds = new Set<string>(rules.specialisedOrganisation.kinds);
  const value = input.participants.filter((p) => kinds.has(p.kind)).length;
  const threshold = rules.specialisedOrganisation.required ? 1 : 0;
  return {
    code: 'specialised_organisation',
    verdict: value >= threshold ? 'met' : 'not_met',
    value,
    threshold,
    participants: [],
    deadline: null,
  };
}
