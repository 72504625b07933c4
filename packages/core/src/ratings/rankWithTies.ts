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
  const order: number[] = [];
  scores.forEach((s, i) => {
    if (s != null && !Number.isNaN(s)) order.push(i);
  });
  order.sort((a, b) => scores[b]! - scores[a]!);

  const places: (number | null)[] = scores.map(() => null);
  let blockBest = Infinity;
  let blockPlace = 0;
  let dense = 0;
  order.forEach((index, position) => {
    const s = scores[index]!;
    if (position === 0 || blockBest - s > tieRule.tolerance) {
      blockBest = s;
      dense += 1;
      blockPlace = tieRule.method === 'dense' ? dense : position + 1;
    }
    places[index] = blockPlace;
  });
  return places;
}
