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
 *   and finds the two order statistics by selection, O(n) on average, not a sort);
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
  if (n === 0) return null;
  const h = (n - 1) * probability;
  const lower = Math.floor(h);
  select(copy, lower, 0, n - 1);
  const lowerValue = copy[lower]!;
  const fraction = h - lower;
  if (fraction === 0) return lowerValue;
  // After selection everything right of `lower` is ≥ x[lower]; the next order
  // statistic is their minimum.
  let upperValue = Infinity;
  for (let k = lower + 1; k < n; k++) {
    const value = copy[k]!;
    if (value < upperValue) upperValue = value;
  }
  return lowerValue + fraction * (upperValue - lowerValue);
}

/**
 * Rearranges `array[left..right]` so that `array[k]` holds the value it would have
 * if sorted, smaller-or-equal values before it and greater-or-equal after
 * (Hoare's quickselect with a median-of-three pivot).
 */
function select(array: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const middle = (left + right) >>> 1;
    // Median of three, placed at `middle`, guards against sorted input.
    if (array[middle]! < array[left]!) swap(array, middle, left);
    if (array[right]! < array[left]!) swap(array, right, left);
    if (array[right]! < array[middle]!) swap(array, right, middle);
    const pivot = array[middle]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (array[i]! < pivot) i++;
      while (array[j]! > pivot) j--;
      if (i <= j) {
        swap(array, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(array: Float64Array, a: number, b: number): void {
  const t = array[a]!;
  array[a] = array[b]!;
  array[b] = t;
}
