import type { EmploymentMatrix } from './employmentMatrix.ts';

export interface ClusterStrengthOptions {
  /**
   * Industries (clusters) that count as traded. Default: every industry of the
   * matrix. Unknown ids are a RangeError.
   */
  readonly tradedIndustries?: readonly string[];
}

export type ClusterStrengthNote =
  /** The region has no traded employment; its cluster strength is 0. */
  { readonly kind: 'zeroTradedEmployment'; readonly regionId: string };

export interface ClusterStrengthResult {
  readonly regionIds: readonly string[];
  /** Σ e_ir over traded industries, by region. */
  readonly tradedEmployment: Float64Array;
  /** Σ e_ir over traded industries where the region is strong, by region. */
  readonly strongEmployment: Float64Array;
  /** strongEmployment / tradedEmployment, in [0, 1]; 0 when traded employment is 0. */
  readonly clusterStrength: Float64Array;
  readonly notes: readonly ClusterStrengthNote[];
}

/**
 * Region cluster strength of the U.S. Cluster Mapping Project: the share of a
 * region's traded employment that is in its strong clusters.
 *
 *   strength_r = Σ_{i traded, strong(i,r)} e_ir / Σ_{i traded} e_ir
 *
 * Source: clustermapping.us (region dashboards, "strong clusters"); Delgado,
 * Porter & Stern (2014), "Clusters, convergence, and economic performance".
 *
 * `strong` is row-major 0/1 in the matrix's shape (`strongClusters(...).strong`).
 * A strong flag on an industry outside the traded set is ignored. A region with
 * no traded employment gets 0 and a note, never NaN.
 */
export function clusterStrength(
  employment: EmploymentMatrix,
  strong: ArrayLike<number>,
  options: ClusterStrengthOptions = {},
): ClusterStrengthResult {
  const { regionIds, industryIds, values } = employment;
  const regionCount = regionIds.length;
  const industryCount = industryIds.length;
  if (strong.length !== regionCount * industryCount) {
    throw new RangeError(`expected ${regionCount * industryCount} flags, got ${strong.length}`);
  }
  const traded = new Uint8Array(industryCount);
  if (options.tradedIndustries === undefined) traded.fill(1);
  else {
    const index = new Map(industryIds.map((id, i) => [id, i]));
    for (const id of options.tradedIndustries) {
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`unknown traded industry ${id}`);
      traded[i] = 1;
    }
  }

  const tradedEmployment = new Float64Array(regionCount);
  const strongEmployment = new Float64Array(regionCount);
  const strength = new Float64Array(regionCount);
  const notes: ClusterStrengthNote[] = [];
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    let tradedSum = 0;
    let strongSum = 0;
    for (let i = 0; i < industryCount; i++) {
      if (traded[i] === 0) continue;
      const e = values[offset + i]!;
      tradedSum += e;
      if (strong[offset + i] === 1) strongSum += e;
    }
    tradedEmployment[r] = tradedSum;
    strongEmployment[r] = strongSum;
    if (tradedSum === 0) notes.push({ kind: 'zeroTradedEmployment', regionId: regionIds[r]! });
    else strength[r] = strongSum / tradedSum;
  }
  return { regionIds, tradedEmployment, strongEmployment, clusterStrength: strength, notes };
}
