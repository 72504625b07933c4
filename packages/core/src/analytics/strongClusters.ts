import type { EmploymentMatrix } from './employmentMatrix.ts';
import { quantile } from './quantile.ts';

export interface StrongClustersOptions {
  /**
   * Establishment counts, row-major in the employment matrix's shape. When given,
   * the size test also requires establishments above their 25th percentile, as
   * the U.S. Cluster Mapping Project does; when absent, that condition is dropped.
   */
  readonly establishments?: ArrayLike<number>;
}

/** The per-industry thresholds behind the flags, so every flag can be explained. */
export interface StrongClusterThresholds {
  readonly industryId: string;
  /** Regions with employment > 0: the population the quantiles are taken over. */
  readonly qualifyingRegions: number;
  /** Q75 of LQ over qualifying regions; null when there are none. */
  readonly locationQuotientQ75: number | null;
  /** Q25 of employment over qualifying regions; null when there are none. */
  readonly employmentQ25: number | null;
  /** Q25 of establishments over qualifying regions; null without establishments or regions. */
  readonly establishmentsQ25: number | null;
}

export type StrongClustersNote =
  /** No region has employment in the industry: no thresholds, no flags. */
  { readonly kind: 'noQualifyingRegions'; readonly industryId: string };

export interface StrongClusterFlags {
  readonly regionIds: readonly string[];
  readonly industryIds: readonly string[];
  /** 1 where employment > 0. Row-major like the input. */
  readonly qualifying: Uint8Array;
  /** 1 where qualifying and large enough: employment (and establishments) above Q25. */
  readonly significant: Uint8Array;
  /** 1 where significant and specialised: LQ ≥ Q75(LQ) and LQ ≥ 1. */
  readonly strong: Uint8Array;
  /** One entry per industry, in `industryIds` order. */
  readonly thresholds: readonly StrongClusterThresholds[];
  readonly notes: readonly StrongClustersNote[];
}

/**
 * Strong-cluster flags of the U.S. Cluster Mapping Project (Delgado, Porter &
 * Stern; clustermapping.us "strong clusters"). For each industry (cluster), over
 * the regions with employment > 0 in it, with quantiles by linear interpolation
 * (R type 7, see `quantile`):
 *
 *   qualifying  = e_ir > 0
 *   significant = qualifying ∧ e_ir > Q25(e_·i) [∧ n_ir > Q25(n_·i) with establishments n]
 *   strong      = significant ∧ LQ_ir ≥ Q75(LQ_·i) ∧ LQ_ir ≥ 1
 *
 * The comparisons are exactly CMP's: strictly above the 25th percentile of size,
 * at or above the 75th percentile of specialisation. Regions with no employment
 * neither take part in the quantiles nor get a flag, so absent regions do not
 * pull the size bar down. Splitting CMP's single "strong" rule into a size test
 * ("significant") and the specialisation test is PromAtlas's naming, so a page
 * can say which half a region misses.
 *
 * `locationQuotients` is row-major in the employment matrix's shape; which
 * denominator it used (total, or traded as CMP) is the caller's choice.
 */
export function strongClusters(
  employment: EmploymentMatrix,
  locationQuotients: ArrayLike<number>,
  options: StrongClustersOptions = {},
): StrongClusterFlags {
  const { regionIds, industryIds, values } = employment;
  const regionCount = regionIds.length;
  const industryCount = industryIds.length;
  const cellCount = regionCount * industryCount;
  const { establishments } = options;
  if (locationQuotients.length !== cellCount) {
    throw new RangeError(
      `expected ${cellCount} location quotients, got ${locationQuotients.length}`,
    );
  }
  if (establishments && establishments.length !== cellCount) {
    throw new RangeError(
      `expected ${cellCount} establishment counts, got ${establishments.length}`,
    );
  }

  const qualifying = new Uint8Array(cellCount);
  const significant = new Uint8Array(cellCount);
  const strong = new Uint8Array(cellCount);
  const thresholds: StrongClusterThresholds[] = [];
  const notes: StrongClustersNote[] = [];
  const lqColumn = new Float64Array(regionCount);
  const employmentColumn = new Float64Array(regionCount);
  const establishmentsColumn = new Float64Array(regionCount);

  for (let i = 0; i < industryCount; i++) {
    const industryId = industryIds[i]!;
    let n = 0;
    for (let cell = i; cell < cellCount; cell += industryCount) {
      const e = values[cell]!;
      if (e > 0) {
        qualifying[cell] = 1;
        lqColumn[n] = locationQuotients[cell]!;
        employmentColumn[n] = e;
        if (establishments) establishmentsColumn[n] = establishments[cell]!;
        n++;
      }
    }
    if (n === 0) {
      notes.push({ kind: 'noQualifyingRegions', industryId });
      thresholds.push({
        industryId,
        qualifyingRegions: 0,
        locationQuotientQ75: null,
        employmentQ25: null,
        establishmentsQ25: null,
      });
      continue;
    }
    const locationQuotientQ75 = quantile(lqColumn.subarray(0, n), 0.75)!;
    const employmentQ25 = quantile(employmentColumn.subarray(0, n), 0.25)!;
    const establishmentsQ25 = establishments
      ? quantile(establishmentsColumn.subarray(0, n), 0.25)!
      : null;
    thresholds.push({
      industryId,
      qualifyingRegions: n,
      locationQuotientQ75,
      employmentQ25,
      establishmentsQ25,
    });
    for (let cell = i; cell < cellCount; cell += industryCount) {
      if (qualifying[cell] === 0) continue;
      if (!(values[cell]! > employmentQ25)) continue;
      if (establishments && !(establishments[cell]! > establishmentsQ25!)) continue;
      significant[cell] = 1;
      const lq = locationQuotients[cell]!;
      if (lq >= locationQuotientQ75 && lq >= 1) strong[cell] = 1;
    }
  }
  return { regionIds, industryIds, qualifying, significant, strong, thresholds, notes };
}
