import type { EmploymentMatrix } from './employmentMatrix.ts';

export type IndustryRelatednessNote =
  /** The region has no employment: it has no shares and is left out. */
  | { readonly kind: 'zeroRegionTotal'; readonly regionId: string }
  /**
   * The industry's share is the same in every region counted (or fewer than two
   * regions are counted): correlation is undefined, its row and column are 0.
   */
  | { readonly kind: 'zeroVariance'; readonly industryId: string };

export interface IndustryRelatednessResult {
  readonly industryIds: readonly string[];
  /**
   * industries × industries, row-major, symmetric: values[i * n + j] = φ(i, j) in
   * [−1, 1]; the diagonal is 1, or 0 for a zero-variance industry. Never NaN.
   */
  readonly values: Float64Array;
  /** Regions that took part (employment > 0). */
  readonly regionsCounted: number;
  readonly notes: readonly IndustryRelatednessNote[];
}

/**
 * Relatedness of industries by co-location: the Pearson correlation, across
 * regions, of the industries' shares of regional employment,
 *
 *   s_ir = e_ir / e_r,    φ(i, j) = corr_r(s_ir, s_jr)
 *
 * over the regions with e_r > 0. Industries that tend to be large parts of the
 * same regional economies are related. This is the co-location measure the U.S.
 * Cluster Mapping Project uses among its linkages (Porter 2003; Delgado, Porter &
 * Stern 2016, "Defining clusters of related industries": correlation of
 * employment across regions); shares rather than raw counts are correlated so
 * that region size alone (big regions have more of everything) does not make
 * every pair look related. EconGeo's `relatedness` offers co-occurrence-based
 * alternatives; this one keeps the magnitudes.
 *
 * Zero variance (an industry with the same share everywhere, or fewer than two
 * regions) makes the correlation undefined: 0, with a note, never NaN.
 */
export function industryRelatedness(matrix: EmploymentMatrix): IndustryRelatednessResult {
  const { regionIds, industryIds, values } = matrix;
  const regionCount = regionIds.length;
  const industryCount = industryIds.length;
  const notes: IndustryRelatednessNote[] = [];

  // Shares, industry-major (one contiguous run per industry) for the dot products.
  const counted: number[] = [];
  const totals: number[] = [];
  for (let r = 0; r < regionCount; r++) {
    let total = 0;
    for (let cell = r * industryCount, end = cell + industryCount; cell < end; cell++) {
      total += values[cell]!;
    }
    if (total === 0) notes.push({ kind: 'zeroRegionTotal', regionId: regionIds[r]! });
    else {
      counted.push(r);
      totals.push(total);
    }
  }
  const n = counted.length;
  const standardised = new Float64Array(industryCount * n);
  const hasVariance = new Uint8Array(industryCount);
  for (let i = 0; i < industryCount; i++) {
    const column = standardised.subarray(i * n, (i + 1) * n);
    let mean = 0;
    for (let k = 0; k < n; k++) {
      const share = values[counted[k]! * industryCount + i]! / totals[k]!;
      column[k] = share;
      mean += share;
    }
    mean /= n;
    let squares = 0;
    for (let k = 0; k < n; k++) {
      const centred = column[k]! - mean;
      column[k] = centred;
      squares += centred * centred;
    }
    // Shares lie in [0, 1]: a sum of squares below 1e-24 per region is rounding noise
    // around a constant, not variation.
    if (n >= 2 && squares > 1e-24 * n) {
      hasVariance[i] = 1;
      const norm = Math.sqrt(squares);
      for (let k = 0; k < n; k++) column[k] = column[k]! / norm;
    } else {
      notes.push({ kind: 'zeroVariance', industryId: industryIds[i]! });
      column.fill(0);
    }
  }

  const result = new Float64Array(industryCount * industryCount);
  for (let i = 0; i < industryCount; i++) {
    if (hasVariance[i] === 0) continue;
    result[i * industryCount + i] = 1;
    const a = standardised.subarray(i * n, (i + 1) * n);
    for (let j = i + 1; j < industryCount; j++) {
      if (hasVariance[j] === 0) continue;
      const b = standardised.subarray(j * n, (j + 1) * n);
      let dot = 0;
      for (let k = 0; k < n; k++) dot += a[k]! * b[k]!;
      const correlation = Math.max(-1, Math.min(1, dot));
      result[i * industryCount + j] = correlation;
      result[j * industryCount + i] = correlation;
    }
  }
  return { industryIds, values: result, regionsCounted: n, notes };
}
