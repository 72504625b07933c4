import { defaultTieRule, type TieRule } from './methodology.schema.ts';

/**
 * Places for scores where higher is better; null scores get a null place and
 * take no place from anyone.
 *
 * Tie rule: scores are taken best first; a score within `tolerance` of the
 * best score of the current tie block joins that block and shares its place
 * (comparing with the block's best, not with the previous score, so that
 * a chain of tiny steps cannot stretch one tie over a wide range). With
 * 'competition' ranking the next block's place skips the shared ones
 * (1, 2, 2, 4); with 'dense' ranking it does not (1, 2, 2, 3). The default is
 * competition with tolerance 1e-9, absorbing floating-point noise only.
 *
 * @example rankWithTies([0.5, 0.9, 0.5, 0.1]) // [2, 1, 2, 4]
 */
export function rankWithTies(
  scores: readonly (number | null | undefined)[],
  tieRule: TieRule = defaultTieRule,
): (number | null)[] {
  // Sort the values natively (a typed-array sort, no comparator: this runs
  // once per peer group per Monte Carlo run in sensitivity), give each sorted
  // position its place, then find each score's position by binary search.
  // Equal values always fall in the same tie block, so any of their positions
  // gives the same place.
  let n = 0;
  for (const s of scores) if (s != null && !Number.isNaN(s)) n++;
  const ascending = new Float64Array(n);
  let k = 0;
  for (const s of scores) if (s != null && !Number.isNaN(s)) ascending[k++] = s;
  ascending.sort();

  // placeFromTop[d]: place of the d-th best score.
  const placeFromTop = new Float64Array(n);
  let blockBest = Infinity;
  let blockPlace = 0;
  let dense = 0;
  for (let d = 0; d < n; d++) {
    const s = ascending[n - 1 - d]!;
    if (d === 0 || blockBest - s > tieRule.tolerance) {
      blockBest = s;
      dense += 1;
      blockPlace = tieRule.method === 'dense' ? dense : d + 1;
    }
    placeFromTop[d] = blockPlace;
  }

  const places: (number | null)[] = new Array<number | null>(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s == null || Number.isNaN(s)) {
      places[i] = null;
      continue;
    }
    // First ascending index holding a value > s; the best copy of s is just below it.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ascending[mid]! > s) hi = mid;
      else lo = mid + 1;
    }
    places[i] = placeFromTop[n - lo]!;
  }
  return places;
}
