import { quantileInPlace } from './quantileInPlace.ts';

/**
 * The p-quantile of `values` with linear interpolation between order statistics:
 * Hyndman & Fan (1996) definition 7, the default of R's `quantile()`, of
 * NumPy's `percentile()`, of Excel's PERCENTILE.INC and of d3-array's `quantile`.
 * The U.S. Cluster Mapping Project states its strong-cluster thresholds (the 25th
 * and 75th percentiles) with this definition.
 *
 * With x₍₁₎ ≤ … ≤ x₍ₙ₎ the sorted values (0-based x[0] … x[n−1]):
 *
 *   h = (n − 1) · p,   Q(p) = x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋])
 *
 * so Q(0) is the minimum, Q(1) the maximum, and Q(0.5) the usual median.
 *
 * Semantics:
 * - input may be sorted or not; it is never modified (the function works on a copy
 *   and finds the order statistics by Floyd–Rivest selection, O(n) on average, not
 *   a sort; see quantileInPlace.ts);
 * - NaN values are ignored, as d3-array ignores them;
 * - empty input (or only NaN) gives `null`: there is no quantile of nothing, and a
 *   NaN would leak silently into later comparisons;
 * - `probability` outside [0, 1] (or NaN) is a programming error: RangeError.
 */
export function quantile(values: ArrayLike<number>, probability: number): number | null {
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(`probability must be in [0, 1], got ${probability}`);
  }
  const copy = new Float64Array(values.length);
  let n = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (!Number.isNaN(value)) copy[n++] = value;
  }
  return quantileInPlace(copy.subarray(0, n), probability);
}
