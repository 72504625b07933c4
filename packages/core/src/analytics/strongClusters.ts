import type { EmploymentMatrix } from './employmentMatrix.ts';
import { quantileInPlace } from './quantileInPlace.ts';

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
 * `locationQuotients` is row-major in the employment matrix's shape and must not
 * contain NaN (`locationQuotient` never gives one); which denominator it used
 * (total, or traded as CMP) is the caller's choice.
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

  // Gather each industry's qualifying regions into one contiguous run, reading the
  // matrix row by row: column-wise reads of a row-major matrix miss the cache on
  // every cell, which at 2,500 × 600 costs more than the quantiles themselves.
  const counts = new Int32Array(industryCount);
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    for (let i = 0; i < industryCount; i++) counts[i] = counts[i]! + +(values[offset + i]! > 0);
  }
  const starts = new Int32Array(industryCount + 1);
  for (let i = 0; i < industryCount; i++) starts[i + 1] = starts[i]! + counts[i]!;
  const gathered = starts[industryCount]!;
  const lqRuns = new Float64Array(gathered);
  const employmentRuns = new Float64Array(gathered);
  const establishmentRuns = establishments ? new Float64Array(gathered) : null;
  const cursor = starts.slice(0, industryCount);
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    for (let i = 0; i < industryCount; i++) {
      const e = values[offset + i]!;
      if (e > 0) {
        const k = cursor[i]!;
        cursor[i] = k + 1;
        lqRuns[k] = locationQuotients[offset + i]!;
        employmentRuns[k] = e;
        if (establishmentRuns) establishmentRuns[k] = establishments![offset + i]!;
      }
    }
  }

  const thresholds: StrongClusterThresholds[] = [];
  const notes: StrongClustersNote[] = [];
  const lqQ75 = new Float64Array(industryCount);
  const employmentQ25 = new Float64Array(industryCount);
  const establishmentsQ25 = new Float64Array(industryCount);
  for (let i = 0; i < industryCount; i++) {
    const industryId = industryIds[i]!;
    const from = starts[i]!;
    const to = starts[i + 1]!;
    if (from === to) {
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
    // The runs are scratch: selecting in place reorders them, which is fine.
    lqQ75[i] = quantileInPlace(lqRuns.subarray(from, to), 0.75)!;
    employmentQ25[i] = quantileInPlace(employmentRuns.subarray(from, to), 0.25)!;
    const establishmentsThreshold = establishmentRuns
      ? quantileInPlace(establishmentRuns.subarray(from, to), 0.25)!
      : null;
    if (establishmentsThreshold !== null) establishmentsQ25[i] = establishmentsThreshold;
    thresholds.push({
      industryId,
      qualifyingRegions: to - from,
      locationQuotientQ75: lqQ75[i]!,
      employmentQ25: employmentQ25[i]!,
      establishmentsQ25: establishmentsThreshold,
    });
  }

  // Flags, row by row and without branches (zero cells come and go unpredictably).
  const qualifying = new Uint8Array(cellCount);
  const significant = new Uint8Array(cellCount);
  const strong = new Uint8Array(cellCount);
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    for (let i = 0; i < industryCount; i++) {
      const cell = offset + i;
      const e = values[cell]!;
      const lq = locationQuotients[cell]!;
      const isQualifying = +(e > 0);
      let isSignificant = isQualifying & +(e > employmentQ25[i]!);
      if (establishments) isSignificant &= +(establishments[cell]! > establishmentsQ25[i]!);
      qualifying[cell] = isQualifying;
      significant[cell] = isSignificant;
      strong[cell] = isSignificant & +(lq >= lqQ75[i]!) & +(lq >= 1);
    }
  }
  return { regionIds, industryIds, qualifying, significant, strong, thresholds, notes };
}
