// Regulatory compliance of industrial clusters: the ПП РФ № 779 check and the
// ПП РФ № 41 subsidy calculator. Rules and support measures are versioned data
// (schemas + shipped defaults); each check is one pure function per file.
export { addYears } from './addYears.ts';
export { applicableFunctionalDependenceThreshold } from './applicableFunctionalDependenceThreshold.ts';
export type { ApplicableThreshold } from './applicableFunctionalDependenceThreshold.ts';
export { calculateSubsidy } from './calculateSubsidy.ts';
export type {
  SubsidyCalculation,
  SubsidyLine,
  SubsidyLineReason,
  SubsidyLineReasonCode,
} from './calculateSubsidy.ts';
export { checkCluster } from './checkCluster.ts';
export { checkComposition } from './checkComposition.ts';
export type { CompositionResult } from './checkComposition.ts';
export { checkCooperation } from './checkCooperation.ts';
export type { CooperationResult } from './checkCooperation.ts';
export { checkDecisionValidity } from './checkDecisionValidity.ts';
export type { DecisionValidityResult } from './checkDecisionValidity.ts';
export { checkFunctionalDependence } from './checkFunctionalDependence.ts';
export type { FunctionalDependenceResult } from './checkFunctionalDependence.ts';
export { checkSpecialisedOrganisation } from './checkSpecialisedOrganisation.ts';
export type { SpecialisedOrganisationResult } from './checkSpecialisedOrganisation.ts';
export * from './cluster-check.schema.ts';
export * from './cluster-rule-set.schema.ts';
export { clusterGaps } from './clusterGaps.ts';
export type { ClusterGap } from './clusterGaps.ts';
export { DEFAULT_CLUSTER_RULE_SET } from './default-cluster-rule-set.ts';
export { DEFAULT_SUPPORT_MEASURES } from './default-support-measures.ts';
export type { InputProblem, Validated } from './input-problem.ts';
export { NON_INDUSTRIAL_KINDS } from './participant-roles.ts';
export * from './support-measure.schema.ts';
export { validateClusterCheckInput } from './validateClusterCheckInput.ts';
export { validateClusterRuleSet } from './validateClusterRuleSet.ts';
export { validateSubsidyCalculationInput } from './validateSubsidyCalculationInput.ts';
export { validateSupportMeasure } from './validateSupportMeasure.ts';
export { participantFromMemberships } from './participantFromMemberships.ts';
export type { RegisteredParticipant } from './participantFromMemberships.ts';
