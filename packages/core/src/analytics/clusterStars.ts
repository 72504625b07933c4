import type { EmploymentMatrix } from './employmentMatrix.ts';
import { quantileInPlace } from './quantileInPlace.ts';

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

  if (options.regionTotalEmployment && options.regionTotalEmployment.length !== regionCount) {
    throw new RangeError(
      `expected ${regionCount} region totals, got ${options.regionTotalEmployment.length}`,
    );
  }

  // One pass row by row: row sums (the default region totals), the number of
  // regions with employment in each category, and which regions have any.
  const rowSums = new Float64Array(regionCount);
  const rowHasEmployment = new Uint8Array(regionCount);
  const counts = new Int32Array(industryCount);
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    let sum = 0;
    let any = 0;
    for (let i = 0; i < industryCount; i++) {
      const e = values[offset + i]!;
      const present = +(e > 0);
      sum += e;
      any |= present;
      counts[i] = counts[i]! + present;
    }
    rowSums[r] = sum;
    rowHasEmployment[r] = any;
  }
  const regionTotals = options.regionTotalEmployment ?? rowSums;

  // The focus share e_ir / T_r, with T_r = 0 giving 0 (noted).
  const inverseTotals = new Float64Array(regionCount);
  for (let r = 0; r < regionCount; r++) {
    const total = regionTotals[r]!;
    if (total !== 0) inverseTotals[r] = 1 / total;
    else if (rowHasEmployment[r] === 1) {
      notes.push({ kind: 'zeroRegionTotal', regionId: regionIds[r]! });
    }
  }

  // Gather each category's regions with employment into one contiguous run,
  // reading row by row (column-wise reads of a row-major matrix miss the cache).
  const starts = new Int32Array(industryCount + 1);
  for (let i = 0; i < industryCount; i++) starts[i + 1] = starts[i]! + counts[i]!;
  const employmentRuns = new Float64Array(starts[industryCount]!);
  const shareRuns = new Float64Array(starts[industryCount]!);
  const cursor = starts.slice(0, industryCount);
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    const inverseTotal = inverseTotals[r]!;
    for (let i = 0; i < industryCount; i++) {
      const e = values[offset + i]!;
      if (e > 0) {
        const k = cursor[i]!;
        cursor[i] = k + 1;
        employmentRuns[k] = e;
        shareRuns[k] = e * inverseTotal;
      }
    }
  }

  const thresholds: ClusterStarThresholds[] = [];
  const employmentQ90 = new Float64Array(industryCount);
  const focusQ90 = new Float64Array(industryCount);
  for (let i = 0; i < industryCount; i++) {
    const industryId = industryIds[i]!;
    const from = starts[i]!;
    const to = starts[i + 1]!;
    if (from === to) {
      notes.push({ kind: 'noRegionsWithEmployment', industryId });
      thresholds.push({ industryId, regions: 0, employmentQ90: null, focusQ90: null });
      continue;
    }
    employmentQ90[i] = quantileInPlace(employmentRuns.subarray(from, to), 0.9)!;
    focusQ90[i] = quantileInPlace(shareRuns.subarray(from, to), 0.9)!;
    thresholds.push({
      industryId,
      regions: to - from,
      employmentQ90: employmentQ90[i]!,
      focusQ90: focusQ90[i]!,
    });
  }

  const size = new Uint8Array(cellCount);
  const specialisation = new Uint8Array(cellCount);
  const focus = new Uint8Array(cellCount);
  const stars = new Uint8Array(cellCount);
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    const inverseTotal = inverseTotals[r]!;
    for (let i = 0; i < industryCount; i++) {
      const cell = offset + i;
      const e = values[cell]!;
      if (!(e > 0)) continue;
      const sizeStar = +(e >= employmentQ90[i]!);
      const specialisationStar = +(locationQuotients[cell]! >= 2);
      const focusStar = +(e * inverseTotal >= focusQ90[i]!);
      size[cell] = sizeStar;
      specialisation[cell] = specialisationStar;
      focus[cell] = focusStar;
      stars[cell] = sizeStar + specialisationStar + focusStar;
    }
  }
  return { regionIds, industryIds, size, specialisation, focus, stars, thresholds, notes };
}
