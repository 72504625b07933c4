import type { IndicatorDirection, NormalisationMethod } from './methodology.schema.ts';
import { shortfall } from './shortfall.ts';

export interface NormalisationSpec {
  method: NormalisationMethod;
  direction: IndicatorDirection;
  /** Required for 'distance_to_target'. */
  target?: number | undefined;
}

/**
 * Everything needed to normalise one value of a column, so that a value can be
 * normalised (normaliseValue) or a normalised value turned back into a raw one
 * (rawValueForNormalised) without seeing the column again.
 */
export type NormalisationParameters =
  | { method: 'min_max'; direction: IndicatorDirection; count: number; min: number; max: number }
  | {
      method: 'z_score';
      direction: IndicatorDirection;
      count: number;
      mean: number;
      standardDeviation: number;
    }
  | {
      method: 'rank';
      direction: IndicatorDirection;
      count: number;
      /** Observed values, best first. */
      bestFirst: number[];
    }
  | {
      method: 'distance_to_target';
      direction: IndicatorDirection;
      count: number;
      target: number;
      maxShortfall: number;
    };

/**
 * Fits the parameters of a normalisation to a column of raw values. Nulls and
 * non-finite numbers are ignored; a column with no observed value returns null.
 *
 * Formulas (x raw, n normalised, 1 = best unless stated):
 * - min_max: n = (x − min) / (max − min); lower_is_better: n = (max − x) / (max − min).
 * - z_score: n = (x − mean) / sd with the population sd (divide by the count);
 *   lower_is_better negates. Unbounded, 0 = average.
 * - rank: n = 1 − b / (m − 1), b = number of observed values strictly better
 *   than x, m = number of observed values: the competition place rescaled so
 *   the first place gets 1 and the last 0; ties share the better value.
 * - distance_to_target: shortfall s = max(0, target − x) (lower_is_better:
 *   max(0, x − target)); n = 1 − s / max s. Meeting or beating the target gives
 *   1, the object furthest from it 0; beating it earns nothing extra.
 *
 * Constant column (every observed value equal, or a single value): min_max,
 * rank and distance_to_target give everyone 1 — nobody is behind anybody —
 * and z_score gives everyone 0, its average. Either way the indicator cannot
 * change the order within the column. Equality is tested as max === min, not
 * sd === 0, so rounding in the mean cannot turn a constant column into ±1.
 */
export function normalisationParameters(
  values: ArrayLike<number | null | undefined>,
  spec: NormalisationSpec,
): NormalisationParameters | null {
  const observed: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v != null && Number.isFinite(v)) observed.push(v);
  }
  const count = observed.length;
  if (count === 0) return null;
  const { method, direction } = spec;

  switch (method) {
    case 'min_max': {
      let min = Infinity;
      let max = -Infinity;
      for (const v of observed) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      return { method, direction, count, min, max };
    }
    case 'z_score': {
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (const v of observed) {
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const mean = sum / count;
      if (max === min) return { method, direction, count, mean: min, standardDeviation: 0 };
      let squares = 0;
      for (const v of observed) squares += (v - mean) ** 2;
      return { method, direction, count, mean, standardDeviation: Math.sqrt(squares / count) };
    }
    case 'rank': {
      const bestFirst = observed.sort(
        direction === 'higher_is_better' ? (a, b) => b - a : (a, b) => a - b,
      );
      return { method, direction, count, bestFirst };
    }
    case 'distance_to_target': {
      const target = spec.target;
      if (target === undefined || !Number.isFinite(target))
        throw new Error('для нормализации distance_to_target нужно целевое значение (target)');
      let maxShortfall = 0;
      for (const v of observed)
        maxShortfall = Math.max(maxShortfall, shortfall(v, target, direction));
      return { method, direction, count, target, maxShortfall };
    }
  }
}
