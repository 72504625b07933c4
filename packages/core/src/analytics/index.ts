// Cluster mapping analytics: pure functions over dense region × industry matrices.
// One function per file; each file states its formula, its source and what it
// does with zeros.
export { candidateClusters } from './candidateClusters.ts';
export type {
  CandidateCluster,
  CandidateClustersInput,
  CandidateClustersOptions,
} from './candidateClusters.ts';
export { clusterStars } from './clusterStars.ts';
export type {
  ClusterStarsNote,
  ClusterStarsOptions,
  ClusterStarsResult,
  ClusterStarThresholds,
} from './clusterStars.ts';
export { clusterStrength } from './clusterStrength.ts';
export type {
  ClusterStrengthNote,
  ClusterStrengthOptions,
  ClusterStrengthResult,
} from './clusterStrength.ts';
export { employmentMatrix } from './employmentMatrix.ts';
export type { EmploymentMatrix } from './employmentMatrix.ts';
export { industryRelatedness } from './industryRelatedness.ts';
export type { IndustryRelatednessNote, IndustryRelatednessResult } from './industryRelatedness.ts';
export { locationQuotient } from './locationQuotient.ts';
export type {
  LocationQuotientNote,
  LocationQuotientOptions,
  LocationQuotientResult,
} from './locationQuotient.ts';
export { quantile } from './quantile.ts';
export { quantileInPlace } from './quantileInPlace.ts';
export { shiftShare } from './shiftShare.ts';
export type {
  ShiftShareComponents,
  ShiftShareNote,
  ShiftShareOptions,
  ShiftShareResult,
} from './shiftShare.ts';
export { strongClusters } from './strongClusters.ts';
export type {
  StrongClusterFlags,
  StrongClustersNote,
  StrongClustersOptions,
  StrongClusterThresholds,
} from './strongClusters.ts';
