import type { NormalisationParameters } from './normalisationParameters.ts';

/**
 * Inverse of normaliseValue with the parameters held fixed: the raw value whose
 * normalised value is n, or null when no raw value gives n.
 *
 * - min_max and z_score are linear in x; a constant column (max = min, sd = 0)
 *   has no inverse.
 * - distance_to_target: n ≤ 1 maps to the value short of the target by
 *   (1 − n) · max shortfall; n > 1 is unreachable (beating the target earns
 *   nothing) and so is anything when every object meets the target.
 * - rank: n takes only the values 1 − b / (m − 1); the function returns the
 *   least demanding observed value whose rank value is at least n, i.e. the
 *   value to tie with. Null when n > 1.
 */
export function rawValueForNormalised(
  n: number,
  parameters: NormalisationParameters,
): number | null {
  if (!Number.isFinite(n)) return null;
  const higher = parameters.direction === 'higher_is_better';
  switch (parameters.method) {
    case 'min_max': {
      const { min, max } = parameters;
      if (max === min) return null;
      return higher ? min + n * (max - min) : max - n * (max - min);
    }
    case 'z_score': {
      const { mean, standardDeviation } = parameters;
      if (standardDeviation === 0) return null;
      return mean + (higher ? n : -n) * standardDeviation;
    }
    case 'distance_to_target': {
      const { target, maxShortfall } = parameters;
      if (maxShortfall === 0 || n > 1) return null;
      const s = (1 - n) * maxShortfall;
      return higher ? target - s : target + s;
    }
    case 'rank': {
      const { count, bestFirst } = parameters;
      if (n > 1) return null;
      if (count <= 1) return bestFirst[0] ?? null;
      // The value at best-first index b scores at least 1 − b / (m − 1) (more
      // when it ties with better-placed values); take the largest b allowed.
      const b = Math.max(0, Math.min(count - 1, Math.floor((1 - n) * (count - 1) + 1e-12)));
      return bestFirst[b] ?? null;
    }
  }
}
