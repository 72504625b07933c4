import type { EmploymentMatrix } from './employmentMatrix.ts';

export interface LocationQuotientOptions {
  /**
   * Industries whose employment makes the denominators e_r and E. Default: every
   * industry of the matrix, i.e. total employment (European Cluster Observatory).
   * The U.S. Cluster Mapping Project measures a traded cluster against traded
   * employment and a local cluster against local employment: pass the traded (or
   * local) industries here. Industries outside the subset still get a quotient,
   * measured against the subset's totals. Unknown ids are a RangeError.
   */
  readonly denominatorIndustries?: readonly string[];
  /**
   * Benchmark totals, to measure a set of regions against a larger whole (the
   * regions of one federal district against Russia). Default: the matrix's own
   * column sums and grand total.
   */
  readonly reference?: {
    /** E_i by industry id. An industry of the matrix missing here has E_i = 0 (noted). */
    readonly industryEmployment: ReadonlyMap<string, number>;
    /**
     * E. Default: the sum of `industryEmployment` over the denominator industries.
     * Give it when the benchmark total includes industries the matrix lacks.
     */
    readonly totalEmployment?: number;
  };
}

/** Why some quotients are 0 rather than a ratio: a zero denominator, stated. */
export type LocationQuotientNote =
  /** e_r = 0: the region has no employment in the denominator industries; its row is 0. */
  | { readonly kind: 'zeroRegionTotal'; readonly regionId: string }
  /** E_i = 0: the benchmark has no employment in the industry; its column is 0. */
  | { readonly kind: 'zeroIndustryTotal'; readonly industryId: string }
  /** E = 0: the benchmark has no employment at all; every quotient is 0. */
  | { readonly kind: 'zeroTotal' }
  /** The reference has no figure for this industry; E_i is taken as 0. */
  | { readonly kind: 'missingReferenceIndustry'; readonly industryId: string };

export interface LocationQuotientResult {
  readonly regionIds: readonly string[];
  readonly industryIds: readonly string[];
  /** Row-major like the input: values[r * industryIds.length + i] = LQ(i, r). Never NaN. */
  readonly values: Float64Array;
  readonly notes: readonly LocationQuotientNote[];
}

/**
 * Location quotient of every industry i in every region r:
 *
 *   LQ(i, r) = (e_ir / e_r) / (E_i / E)
 *
 * e_ir employment of industry i in region r; e_r the region's employment over the
 * denominator industries; E_i the benchmark employment of industry i; E the
 * benchmark total over the denominator industries. LQ > 1: the industry's share of
 * the region is larger than its share of the benchmark.
 *
 * Sources: European Cluster Observatory star methodology (LQ against total
 * employment); U.S. Cluster Mapping Project, Delgado, Porter & Stern (2014,
 * 2016) (LQ against traded or local employment); EconGeo `location.quotient`
 * (Balland, R package), whose documented 5 × 5 example is the test vector.
 *
 * Zero denominators give 0, never NaN or Infinity, and are listed in `notes`.
 * Computed as e_ir · E / (e_r · E_i) so integer data give exact ratios.
 */
export function locationQuotient(
  matrix: EmploymentMatrix,
  options: LocationQuotientOptions = {},
): LocationQuotientResult {
  const { regionIds, industryIds, values } = matrix;
  const regionCount = regionIds.length;
  const industryCount = industryIds.length;
  const notes: LocationQuotientNote[] = [];

  const inDenominator = denominatorMask(industryIds, options.denominatorIndustries);

  const regionTotals = new Float64Array(regionCount);
  const columnTotals = new Float64Array(industryCount);
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    let regionTotal = 0;
    for (let i = 0; i < industryCount; i++) {
      const value = values[offset + i]!;
      columnTotals[i] = columnTotals[i]! + value;
      if (inDenominator[i] === 1) regionTotal += value;
    }
    regionTotals[r] = regionTotal;
  }

  let industryTotals = columnTotals;
  if (options.reference) {
    industryTotals = new Float64Array(industryCount);
    industryIds.forEach((industryId, i) => {
      const reference = options.reference!.industryEmployment.get(industryId);
      if (reference === undefined) notes.push({ kind: 'missingReferenceIndustry', industryId });
      industryTotals[i] = reference ?? 0;
    });
  }
  let total = options.reference?.totalEmployment;
  if (total === undefined) {
    total = 0;
    for (let i = 0; i < industryCount; i++) if (inDenominator[i] === 1) total += industryTotals[i]!;
  }

  const result = new Float64Array(regionCount * industryCount);
  if (total === 0) {
    notes.push({ kind: 'zeroTotal' });
    return { regionIds, industryIds, values: result, notes };
  }
  industryIds.forEach((industryId, i) => {
    if (industryTotals[i] === 0) notes.push({ kind: 'zeroIndustryTotal', industryId });
  });
  for (let r = 0; r < regionCount; r++) {
    const regionTotal = regionTotals[r]!;
    if (regionTotal === 0) {
      notes.push({ kind: 'zeroRegionTotal', regionId: regionIds[r]! });
      continue;
    }
    const offset = r * industryCount;
    for (let i = 0; i < industryCount; i++) {
      const industryTotal = industryTotals[i]!;
      if (industryTotal !== 0) {
        result[offset + i] = (values[offset + i]! * total) / (regionTotal * industryTotal);
      }
    }
  }
  return { regionIds, industryIds, values: result, notes };
}

function denominatorMask(
  industryIds: readonly string[],
  denominatorIndustries: readonly string[] | undefined,
): Uint8Array {
  const mask = new Uint8Array(industryIds.length);
  if (denominatorIndustries === undefined) return mask.fill(1);
  const index = new Map(industryIds.map((id, i) => [id, i]));
  for (const id of denominatorIndustries) {
    const i = index.get(id);
    if (i === undefined) throw new RangeError(`unknown denominator industry ${id}`);
    mask[i] = 1;
  }
  return mask;
}
