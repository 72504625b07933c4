import {
  clusterStars,
  locationQuotient,
  strongClusters,
  type ClusterStarsResult,
  type EmploymentMatrix,
  type LocationQuotientResult,
  type StrongClusterFlags,
} from '@promatlas/core/analytics/index.ts';

export interface ClusterYear {
  lq: LocationQuotientResult;
  flags: StrongClusterFlags;
  stars: ClusterStarsResult;
}

/**
 * The cluster-mapping computations of one year, all from core (pure, no SQL):
 * - LQ against the total over `denominatorIndustries` (the non-overlapping
 *   columns; every column when they are all of them) — the European Cluster
 *   Observatory's total-employment LQ, which ECO's specialisation star needs;
 * - U.S. Cluster Mapping strong flags over regions with a value > 0, on that LQ;
 * - ECO stars, the focus share measured against `regionTotals`.
 */
export function computeClusterYear(
  matrix: EmploymentMatrix,
  regionTotals: Float64Array,
  denominatorIndustries: readonly string[],
): ClusterYear {
  const all = denominatorIndustries.length === matrix.industryIds.length;
  const lq = locationQuotient(matrix, all ? {} : { denominatorIndustries });
  const flags = strongClusters(matrix, lq.values);
  const stars = clusterStars(matrix, lq.values, { regionTotalEmployment: regionTotals });
  return { lq, flags, stars };
}

/** The columns `industryIds` of a matrix, as a matrix of their own. */
export function selectColumns(
  matrix: EmploymentMatrix,
  industryIds: readonly string[],
): EmploymentMatrix {
  const width = matrix.industryIds.length;
  const columns = industryIds.map((id) => matrix.industryIds.indexOf(id));
  const values = new Float64Array(matrix.regionIds.length * columns.length);
  for (let r = 0; r < matrix.regionIds.length; r++)
    columns.forEach((i, k) => (values[r * columns.length + k] = matrix.values[r * width + i]!));
  return { regionIds: matrix.regionIds, industryIds: [...industryIds], values };
}
