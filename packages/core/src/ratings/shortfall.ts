import type { IndicatorDirection } from './methodology.schema.ts';

/**
 * How far x falls short of a target in the indicator's direction, never
 * negative: max(0, target − x) when higher is better, max(0, x − target) when
 * lower is better. Beating the target is a shortfall of 0, not a bonus.
 */
export function shortfall(x: number, target: number, direction: IndicatorDirection): number {
  return Math.max(0, direction === 'higher_is_better' ? target - x : x - target);
}
