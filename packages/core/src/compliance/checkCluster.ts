import { checkComposition } from './checkComposition.ts';
import { checkCooperation } from './checkCooperation.ts';
import { checkDecisionValidity } from './checkDecisionValidity.ts';
import { checkFunctionalDependence } from './checkFunctionalDependence.ts';
import { checkSpecialisedOrganisation } from './checkSpecialisedOrganisation.ts';
import type {
  ClusterCheckInput,
  ClusterCheckResult,
  RequirementResult,
} from './cluster-check.schema.ts';
import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';

/**
 * The industrial-cluster check (ПП РФ № 779 by default) of a validated input
 * (see validateClusterCheckInput) as of `input.asOf`: one verdict per
 * requirement, in the order cooperation, functional dependence, composition,
 * specialised organisation, decision validity, with exactly the fields of the
 * published output format.
 *
 * An empty participant list is read as "participants not recorded", not as a
 * cluster of nobody (no cluster has no participants): every requirement about
 * participants then lacks data, with value and threshold null — so a cluster
 * known only by name (the demo's ЛИПЕЦКМАШ) says what is missing and invents
 * nothing.
 *
 * `compliant` is false when any requirement is not met, null when none fails
 * but one lacks data, true when all are met. `functionalDependence` and
 * `functionalDependenceThreshold` repeat the functional-dependence requirement's
 * value and threshold (null: not computable / not decidable).
 */
export function checkCluster(input: ClusterCheckInput, rules: ClusterRuleSet): ClusterCheckResult {
  const dependence = checkFunctionalDependence(input, rules);
  const results = [
    checkCooperation(input, rules),
    dependence,
    checkComposition(input, rules),
    checkSpecialisedOrganisation(input, rules),
    checkDecisionValidity(input, rules),
  ];
  const unrecorded = input.participants.length === 0;
  const requirements: RequirementResult[] = results.map((r) =>
    unrecorded && r.code !== 'decision_validity'
      ? {
          code: r.code,
          verdict: 'insufficient_data',
          value: null,
          threshold: null,
          participants: [],
          deadline: null,
        }
      : {
          code: r.code,
          verdict: r.verdict,
          value: r.value,
          threshold: r.threshold,
          participants: [...r.participants],
          deadline: r.deadline,
        },
  );
  const compliant = requirements.some((r) => r.verdict === 'not_met')
    ? false
    : requirements.some((r) => r.verdict === 'insufficient_data')
      ? null
      : true;
  return {
    compliant,
    functionalDependence: unrecorded ? null : dependence.value,
    functionalDependenceThreshold: unrecorded ? null : dependence.threshold,
    requirements,
  };
}
