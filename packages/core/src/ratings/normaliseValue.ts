import type { NormalisationParameters } from './normalisationParameters.ts';
import { shortfall } from './shortfall.ts';

/**
 * Normalises one raw value with parameters fitted by normalisationParameters.
 * The value need not belong to the fitted column: with fixed parameters a
 * min–max value beyond the observed best exceeds 1 and a z-score is linear in
 * x, which is what explainScore relies on. Null in, null out.
 */
export function normaliseValue(
  x: number | null | undefined,
  parameters: NormalisationParameters,
): number | null {
  if (x == null || !Number.isFinite(x)) return null;
  const higher = parameters.direction === 'higher_is_better';
  switch (parameters.method) {
    case 'min_max': {
      const { min, max } = parameters;
      if (max === min) return 1;
      return higher ? (x - min) / (max - min) : (max - x) / (max - min);
    }
    case 'z_score': {
      const { mean, standardDeviation } = parameters;
      if (standardDeviation === 0) return 0;
      const z = (x - mean) / standardDeviation;
      return higher ? z : -z;
    }
    case 'rank': {
      const { count, bestFirst } = parameters;
      if (count <= 1) return 1;
      return 1 - countStrictlyBetter(bestFirst, x, higher) / (count - 1);
    }
    case 'distance_to_target': {
      const { target, maxShortfall, direction } = parameters;
      if (maxShortfall === 0) return 1;
      return 1 - shortfall(x, target, direction) / maxShortfall;
    }
  }
}

/** Binary search in a best-first array for the number of values strictly better than x. */
function countStrictlyBetter(bestFirst: readonly number[], x: number, higher: boolean): number {
  let lo = 0;
  let hi = bestFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = bestFirst[mid]!;
    if (higher ? v > x : v < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
