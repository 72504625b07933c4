/**
 * A diverging colour scale for location quotients, centred on 1 (the region's
 * share equals the benchmark's): blues below, reds above, on a log-symmetric
 * set of breaks so that LQ 0,5 and LQ 2 are equally far from the centre.
 * LQ 0 (nothing in the region, or no data) keeps the map's neutral grey.
 */
import { ZERO_COLOUR } from '../../../shared/map/classes.ts';

export interface LqClass {
  /** Lower bound, inclusive (the first class is exactly 0). */
  min: number;
  /** Upper bound, exclusive; Infinity for the last class. */
  max: number;
  colour: string;
  label: string;
}

export const LQ_CLASSES: readonly LqClass[] = [
  { min: 0, max: 0, colour: ZERO_COLOUR, label: '0 / нет' },
  { min: 0, max: 0.5, colour: '#2166ac', label: '< 0,5' },
  { min: 0.5, max: 0.8, colour: '#92c5de', label: '0,5–0,8' },
  { min: 0.8, max: 1.25, colour: '#f3e9d2', label: '0,8–1,25' },
  { min: 1.25, max: 2, colour: '#f4a582', label: '1,25–2' },
  { min: 2, max: 4, colour: '#d6604d', label: '2–4' },
  { min: 4, max: Infinity, colour: '#b2182b', label: '≥ 4' },
];

export function lqColour(value: number): string {
  if (!(value > 0)) return LQ_CLASSES[0]!.colour;
  for (const c of LQ_CLASSES.slice(1)) if (value >= c.min && value < c.max) return c.colour;
  return LQ_CLASSES[LQ_CLASSES.length - 1]!.colour;
}
