import type { Edition, ObjectScore } from './edition.types.ts';
import { rawValueForNormalised } from './rawValueForNormalised.ts';

export interface GroupExplanation {
  code: string;
  name: string;
  /** Renormalised group weight for this object. */
  weight: number;
  score: number | null;
  contribution: number | null;
  /** contribution / total score; null when the score is 0 or missing. */
  share: number | null;
}

export interface IndicatorExplanation {
  code: string;
  name: string;
  unit: string;
  group: string;
  raw: number | null;
  normalised: number | null;
  imputed: boolean;
  weight: number;
  contribution: number | null;
}

export interface Neighbour {
  objectId: string;
  place: number;
  score: number;
  /** Absolute score difference from the explained object. */
  gap: number;
}

export type LiftOutcome =
  /** requiredValue is the raw value that ties the object with the one above. */
  | 'lifts'
  /** The object has no observed value for the indicator. */
  | 'missing_value'
  /** The indicator carries no weight for this object. */
  | 'zero_weight'
  /** Every object in the peer group has the same value, so the indicator cannot separate them. */
  | 'constant_column'
  /** The normalised value needed is above the best the method can give (1, except z-score). */
  | 'beyond_best';

export interface IndicatorLift {
  indicator: string;
  name: string;
  unit: string;
  outcome: LiftOutcome;
  currentValue: number | null;
  requiredValue: number | null;
  /** requiredValue − currentValue, in the indicator's unit. */
  change: number | null;
}

export interface ScoreExplanation {
  objectId: string;
  peerGroup: string | null;
  score: number | null;
  place: number | null;
  disqualified: boolean;
  groups: GroupExplanation[];
  indicators: IndicatorExplanation[];
  /** The best-scored object at the nearest better place; null for the leader. */
  above: Neighbour | null;
  /** The best-scored object at the nearest worse place; null for the last. */
  below: Neighbour | null;
  /** One entry per indicator in methodology order; empty when nothing is above. */
  liftOnePlace: IndicatorLift[];
}

/**
 * Explains one object's place in an edition: its score broken down by group
 * and indicator, its gap to the neighbours above and below in its peer group,
 * and for every indicator the raw value that, all else unchanged, would lift
 * it one place.
 *
 * "Lift one place" means reaching the score of the best object at the next
 * better place; under the tie rule an equal score shares that place. With
 * effective weight c and gap Δ, the indicator's normalised value must rise by
 * Δ / c, and the raw value is found by inverting the normalisation.
 *
 * Simplification: the normalisation parameters of the peer group (min, max,
 * mean, standard deviation, largest shortfall, the other objects' values for
 * rank) are held fixed, as are all other objects' scores. In truth moving one
 * object's value can move the min, max or mean and so every normalised value;
 * for min–max the answer is exact as long as the required value stays within
 * the observed range, which is why a value beyond the best observed one is
 * reported as 'beyond_best' rather than extrapolated. For z-score the answer
 * is a first approximation.
 */
export function explainScore(edition: Edition, objectId: string): ScoreExplanation {
  const object = edition.objects.find((o) => o.objectId === objectId);
  if (!object) throw new Error(`объекта «${objectId}» нет в издании рейтинга`);
  const { methodology } = edition;
  const peers = edition.objects.filter((o) => o.peerGroup === object.peerGroup);
  const above = neighbour(object, peers, 'above');
  const below = neighbour(object, peers, 'below');

  const groups = object.groups.map((g, k): GroupExplanation => ({
    code: g.code,
    name: methodology.groups[k]!.name,
    weight: g.weight,
    score: g.score,
    contribution: g.contribution,
    share: g.contribution === null || !object.score ? null : g.contribution / object.score,
  }));
  const breakdown = object.indicators;
  const orNull = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
  const indicators = methodology.indicators.map((definition, j): IndicatorExplanation => ({
    code: definition.code,
    name: definition.name,
    unit: definition.unit,
    group: definition.group,
    raw: orNull(breakdown.raw[j]),
    normalised: orNull(breakdown.normalised[j]),
    imputed: breakdown.imputed[j] === 1,
    weight: breakdown.weight[j] ?? 0,
    contribution: orNull(breakdown.contribution[j]),
  }));

  const liftOnePlace: IndicatorLift[] = [];
  if (above && object.score !== null) {
    const parameters =
      edition.peerGroups.find((p) => p.peerGroup === object.peerGroup)?.parameters ?? [];
    const needed = above.score - object.score;
    indicators.forEach((ind, j) => {
      const base = {
        indicator: ind.code,
        name: ind.name,
        unit: ind.unit,
        currentValue: ind.raw,
      };
      const result = (
        outcome: LiftOutcome,
        requiredValue: number | null = null,
      ): IndicatorLift => ({
        ...base,
        outcome,
        requiredValue,
        change: requiredValue === null || ind.raw === null ? null : requiredValue - ind.raw,
      });
      const p = parameters[j];
      if (ind.raw === null || ind.normalised === null || ind.imputed || !p)
        return liftOnePlace.push(result('missing_value'));
      if (ind.weight <= 0) return liftOnePlace.push(result('zero_weight'));
      const constant =
        (p.method === 'min_max' && p.max === p.min) ||
        (p.method === 'z_score' && p.standardDeviation === 0) ||
        (p.method === 'distance_to_target' && p.maxShortfall === 0) ||
        (p.method === 'rank' && p.count <= 1);
      if (constant) return liftOnePlace.push(result('constant_column'));
      const target = ind.normalised + needed / ind.weight;
      if (p.method !== 'z_score' && target > 1 + 1e-12)
        return liftOnePlace.push(result('beyond_best'));
      const required = rawValueForNormalised(
        p.method === 'z_score' ? target : Math.min(target, 1),
        p,
      );
      return liftOnePlace.push(result(required === null ? 'beyond_best' : 'lifts', required));
    });
  }

  return {
    objectId: object.objectId,
    peerGroup: object.peerGroup,
    score: object.score,
    place: object.place,
    disqualified: object.disqualified,
    groups,
    indicators,
    above,
    below,
    liftOnePlace,
  };
}

function neighbour(
  object: ObjectScore,
  peers: readonly ObjectScore[],
  side: 'above' | 'below',
): Neighbour | null {
  if (object.place === null || object.score === null) return null;
  const own = object.place;
  let nearestPlace: number | null = null;
  for (const p of peers) {
    if (p.place === null) continue;
    const isCandidate = side === 'above' ? p.place < own : p.place > own;
    if (!isCandidate) continue;
    if (
      nearestPlace === null ||
      (side === 'above' ? p.place > nearestPlace : p.place < nearestPlace)
    )
      nearestPlace = p.place;
  }
  if (nearestPlace === null) return null;
  let best: ObjectScore | null = null;
  for (const p of peers)
    if (p.place === nearestPlace && p.score !== null && (!best || p.score > best.score!)) best = p;
  if (!best || best.score === null) return null;
  return {
    objectId: best.objectId,
    place: nearestPlace,
    score: best.score,
    gap: Math.abs(best.score - object.score),
  };
}
