import type { EmploymentMatrix } from './employmentMatrix.ts';
import { quantile } from './quantile.ts';

export interface ClusterStarsOptions {
  /**
   * The region's total employment, by region in `regionIds` order, the base of
   * the focus share. Default: the row sums of the matrix (right when the matrix
   * covers the whole economy). Give it when the matrix holds only some categories.
   */
  readonly regionTotalEmployment?: ArrayLike<number>;
}

/** The per-category thresholds behind the stars. */
export interface ClusterStarThresholds {
  readonly industryId: string;
  /** Regions with employment > 0 in the category: the population ranked. */
  readonly regions: number;
  /** Q90 of employment over those regions; null when there are none. */
  readonly employmentQ90: number | null;
  /** Q90 of e_ir / total_r over those regions; null when there are none. */
  readonly focusQ90: number | null;
}

export type ClusterStarsNote =
  /** No region has employment in the category: no stars. */
  | { readonly kind: 'noRegionsWithEmployment'; readonly industryId: string }
  /** The given region total is 0 while the region has category employment: focus share taken as 0. */
  | { readonly kind: 'zeroRegionTotal'; readonly regionId: string };

export interface ClusterStarsResult {
  readonly regionIds: readonly string[];
  readonly industryIds: readonly string[];
  /** Row-major 0/1: employment in the top 10 % of regions. */
  readonly size: Uint8Array;
  /** Row-major 0/1: LQ ≥ 2. */
  readonly specialisation: Uint8Array;
  /** Row-major 0/1: category share of the region's employment in the top 10 %. */
  readonly focus: Uint8Array;
  /** Row-major 0–3: size + specialisation + focus. */
  readonly stars: Uint8Array;
  readonly thresholds: readonly ClusterStarThresholds[];
  readonly notes: readonly ClusterStarsNote[];
}

/**
 * Star rating of the European Cluster Observatory (Ketels & Sölvell, "Innovation
 * clusters in the 10 new member states of the European Union", 2006; ECO cluster
 * mapping methodology): one star each, for a region r and cluster category i,
 *
 *   size           e_ir ≥ Q90(e_·i)                 top 10 % of regions by employment
 *   specialisation LQ_ir ≥ 2                        LQ against total employment
 *   focus          e_ir / T_r ≥ Q90(e_·i / T_·)     top 10 % by the category's share
 *                                                   of the region's employment T_r
 *
 * "Top 10 %" is made precise as: at or above the 90th percentile (R type 7, see
 * `quantile`) over the regions with employment > 0 in that category. Regions
 * without employment in the category are not ranked and get no star, so a
 * category present in few regions is not crowned by its absentees.
 *
 * `locationQuotients` is row-major in the matrix's shape and, to match ECO, should
 * be measured against total employment (`locationQuotient` without a
 * denominator subset).
 */
export function clusterStars(
  employment: EmploymentMatrix,
  locationQuotients: ArrayLike<number>,
  options: ClusterStarsOptions = {},
): ClusterStarsResult {
  const { regionIds, industryIds, values } = employment;
  const regionCount = regionIds.length;
  const industryCount = industryIds.length;
  const cellCount = regionCount * industryCount;
  if (locationQuotients.length !== cellCount) {
    throw new RangeError(
      `expected ${cellCount} location quotients, got ${locationQuotients.length}`,
    );
  }
  const notes: ClusterStarsNote[] = [];

  let regionTotals: ArrayLike<number>;
  if (options.regionTotalEmployment) {
    if (options.regionTotalEmployment.length !== regionCount) {
      throw new RangeError(
        `expected ${regionCount} region totals, got ${options.regionTotalEmployment.length}`,
      );
    }
    regionTotals = options.regionTotalEmployment;
  } else {
    const sums = new Float64Array(regionCount);
    for (let r = 0; r < regionCount; r++) {
      let sum = 0;
      for (let cell = r * industryCount, end = cell + industryCount; cell < end; cell++) {
        sum += values[cell]!;
      }
      sums[r] = sum;
    }
    regionTotals = sums;
  }
  for (let r = 0; r < regionCount; r++) {
    if (regionTotals[r] !== 0) continue;
    for (let cell = r * industryCount, end = cell + industryCount; cell < end; cell++) {
      if (values[cell]! > 0) {
        notes.push({ kind: 'zeroRegionTotal', regionId: regionIds[r]! });
        break;
      }
    }
  }

  const size = new Uint8Array(cellCount);
  const specialisation = new Uint8Array(cellCount);
  const focus = new Uint8Array(cellCount);
  const stars = new Uint8Array(cellCount);
  const thresholds: ClusterStarThresholds[] = [];
  const employmentColumn = new Float64Array(regionCount);
  const shareColumn = new Float64Array(regionCount);
  const shares = new Float64Array(regionCount);

  for (let i = 0; i < industryCount; i++) {
    const industryId = industryIds[i]!;
    let n = 0;
    for (let r = 0, cell = i; r < regionCount; r++, cell += industryCount) {
      const e = values[cell]!;
      if (e > 0) {
        const total = regionTotals[r]!;
        const share = total === 0 ? 0 : e / total;
        shares[r] = share;
        employmentColumn[n] = e;
        shareColumn[n] = share;
        n++;
      }
    }
    if (n === 0) {
      notes.push({ kind: 'noRegionsWithEmployment', industryId });
      thresholds.push({ industryId, regions: 0, employmentQ90: null, focusQ90: null });
      continue;
    }
    const employmentQ90 = quantile(employmentColumn.subarray(0, n), 0.9)!;
    const focusQ90 = quantile(shareColumn.subarray(0, n), 0.9)!;
    thresholds.push({ industryId, regions: n, employmentQ90, focusQ90 });
    for (let r = 0, cell = i; r < regionCount; r++, cell += industryCount) {
      const e = values[cell]!;
      if (!(e > 0)) continue;
      const sizeStar = e >= employmentQ90 ? 1 : 0;
      const specialisationStar = locationQuotients[cell]! >= 2 ? 1 : 0;
      const focusStar = shares[r]! >= focusQ90 ? 1 : 0;
      size[cell] = sizeStar;
      specialisation[cell] = specialisationStar;
      focus[cell] = focusStar;
      stars[cell] = sizeStar + specialisationStar + focusStar;
    }
  }
  return { regionIds, industryIds, size, specialisation, focus, stars, thresholds, notes };
}
