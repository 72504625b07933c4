// Ratings: transparent methodologies, editions, explanations, sensitivity
// (issue 5). Pure functions, one per file; see each file for its semantics.

export * from './methodology.schema.ts';
export { parseMethodology, type ParseMethodologyResult } from './parseMethodology.ts';
export type * from './edition.types.ts';

export {
  normalisationParameters,
  type NormalisationParameters,
  type NormalisationSpec,
} from './normalisationParameters.ts';
export { normalise } from './normalise.ts';
export { normaliseValue } from './normaliseValue.ts';
export { rawValueForNormalised } from './rawValueForNormalised.ts';
export { shortfall } from './shortfall.ts';
export { applyMissingValueRule, type MissingValueResult } from './applyMissingValueRule.ts';
export { rankWithTies } from './rankWithTies.ts';
export { computeEdition } from './computeEdition.ts';
export {
  explainScore,
  type GroupExplanation,
  type IndicatorExplanation,
  type IndicatorLift,
  type LiftOutcome,
  type Neighbour,
  type ScoreExplanation,
} from './explainScore.ts';
export {
  sensitivity,
  type PlaceDistribution,
  type SensitivityOptions,
  type SensitivityResult,
  type WeightPerturbation,
} from './sensitivity.ts';
export {
  compareEditions,
  type EditionComparison,
  type IndicatorDriver,
  type PlaceMove,
} from './compareEditions.ts';
export { createRandom } from './random.ts';
export { randomGamma } from './randomGamma.ts';
export { randomDirichlet } from './randomDirichlet.ts';
export { quantileSorted } from './quantileSorted.ts';

export { sezPeerGroups } from './methodologies/sez-peer-groups.ts';
export { sezInvestmentAttractiveness } from './methodologies/sez-investment-attractiveness.ts';
export { sezEsg } from './methodologies/sez-esg.ts';
