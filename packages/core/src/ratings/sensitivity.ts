import type { Edition } from './edition.types.ts';
import { quantileSorted } from './quantile.ts';
import { createRandom } from './random.ts';
import { randomDirichlet } from './randomDirichlet.ts';
import { rankWithTies } from './rankWithTies.ts';

export type WeightPerturbation =
  /** Every group and indicator weight is multiplied by an independent U(1 − spread, 1 + spread), 0 ≤ spread ≤ 1. */
  | { method: 'uniform'; spread: number }
  /**
   * Group weights ~ Dirichlet(κ · W / ΣW) and, within each group, indicator
   * weights ~ Dirichlet(κ · w / Σw): centred on the stated weights, tighter as
   * the concentration κ grows.
   */
  | { method: 'dirichlet'; concentration: number };

export interface SensitivityOptions {
  perturbation: WeightPerturbation;
  /** Number of Monte Carlo runs, ≥ 1. */
  runs: number;
  /** Seed of the generator (see random.ts); the same seed gives the same result. */
  seed: number;
  /** A place is robust when p95 − p5 ≤ threshold (in places). Default 2. */
  threshold?: number;
}

export interface PlaceDistribution {
  objectId: string;
  peerGroup: string | null;
  /** The place in the edition, with the stated weights. */
  place: number;
  median: number;
  p5: number;
  p95: number;
  min: number;
  max: number;
  /** p95 − p5 ≤ threshold. */
  robust: boolean;
  /** placeCounts[k − 1] = number of runs in which the object took place k. */
  placeCounts: number[];
}

export interface SensitivityResult {
  perturbation: WeightPerturbation;
  runs: number;
  seed: number;
  threshold: number;
  /** Placed objects of the edition, in the edition's order. */
  objects: PlaceDistribution[];
}

/**
 * How much each place depends on the weights: re-scores the edition `runs`
 * times with perturbed weights and summarises each object's places (median,
 * 5th and 95th percentiles by linear interpolation, type 7).
 *
 * Only weights move. The normalised values, missing-value treatment and tie
 * rule are those of the edition, and the scoring formula is computeEdition's
 * (weights renormalised over what each object has), so a run with the stated
 * weights reproduces the edition's places exactly. Objects without a place
 * (disqualified or unscored) are left out.
 *
 * Cost: runs × objects × indicators multiply–adds plus one sort per peer group
 * per run.
 */
export function sensitivity(edition: Edition, options: SensitivityOptions): SensitivityResult {
  const { perturbation, runs, seed } = options;
  const threshold = options.threshold ?? 2;
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError('число прогонов (runs) должно быть целым и не меньше 1');
  if (perturbation.method === 'uniform' && !(perturbation.spread >= 0 && perturbation.spread <= 1))
    throw new RangeError('разброс (spread) должен быть от 0 до 1');
  if (perturbation.method === 'dirichlet' && !(perturbation.concentration > 0))
    throw new RangeError('концентрация (concentration) должна быть больше 0');

  const { groups, indicators } = edition.methodology;
  const G = groups.length;
  const I = indicators.length;
  const groupIndex = new Map(groups.map((g, k) => [g.code, k]));
  const groupOf = Int32Array.from(indicators, (ind) => groupIndex.get(ind.group)!);
  const indicatorsOf: number[][] = groups.map((_, g) =>
    indicators.flatMap((_, j) => (groupOf[j] === g ? [j] : [])),
  );
  const statedGroupWeights = groups.map((g) => g.weight);
  const statedIndicatorWeights = indicators.map((i) => i.weight);

  const placed = edition.objects.filter((o) => o.place !== null && o.score !== null);
  const O = placed.length;
  const normalised = new Float64Array(O * I);
  placed.forEach((o, r) =>
    o.indicators.forEach((ind, j) => (normalised[r * I + j] = ind.normalised ?? Number.NaN)),
  );
  const peerGroupMembers = new Map<string | null, number[]>();
  placed.forEach((o, r) => {
    const members = peerGroupMembers.get(o.peerGroup);
    if (members) members.push(r);
    else peerGroupMembers.set(o.peerGroup, [r]);
  });

  const random = createRandom(seed);
  const groupWeights = new Float64Array(G);
  const indicatorWeights = new Float64Array(I);
  const numerator = new Float64Array(G);
  const denominator = new Float64Array(G);
  const scores = new Float64Array(O);
  const places = placed.map(() => new Float64Array(runs));

  for (let run = 0; run < runs; run++) {
    if (perturbation.method === 'uniform') {
      const s = perturbation.spread;
      for (let g = 0; g < G; g++)
        groupWeights[g] = statedGroupWeights[g]! * (1 + s * (2 * random() - 1));
      for (let j = 0; j < I; j++)
        indicatorWeights[j] = statedIndicatorWeights[j]! * (1 + s * (2 * random() - 1));
    } else {
      const k = perturbation.concentration;
      groupWeights.set(randomDirichlet(dirichletAlpha(statedGroupWeights, k), random));
      for (const members of indicatorsOf) {
        const draw = randomDirichlet(
          dirichletAlpha(
            members.map((j) => statedIndicatorWeights[j]!),
            k,
          ),
          random,
        );
        members.forEach((j, m) => (indicatorWeights[j] = draw[m]!));
      }
    }

    for (let r = 0; r < O; r++) {
      numerator.fill(0);
      denominator.fill(0);
      const row = r * I;
      for (let j = 0; j < I; j++) {
        const v = normalised[row + j]!;
        const w = indicatorWeights[j]!;
        if (v !== v || w <= 0) continue; // NaN: excluded
        const g = groupOf[j]!;
        numerator[g]! += w * v;
        denominator[g]! += w;
      }
      let total = 0;
      let weight = 0;
      for (let g = 0; g < G; g++) {
        if (denominator[g]! <= 0) continue;
        weight += groupWeights[g]!;
        total += (groupWeights[g]! * numerator[g]!) / denominator[g]!;
      }
      scores[r] = weight > 0 ? total / weight : Number.NaN;
    }

    for (const members of peerGroupMembers.values()) {
      const ranked = rankWithTies(
        members.map((r) => (Number.isNaN(scores[r]!) ? null : scores[r]!)),
        edition.methodology.tieRule,
      );
      members.forEach((r, m) => (places[r]![run] = ranked[m] ?? members.length));
    }
  }

  const objects = placed.map((o, r): PlaceDistribution => {
    const sample = places[r]!.sort();
    const p5 = quantileSorted(sample, 0.05);
    const p95 = quantileSorted(sample, 0.95);
    const max = sample[runs - 1]!;
    const placeCounts = new Array<number>(Math.max(max, o.place!)).fill(0);
    for (const p of sample) placeCounts[p - 1]! += 1;
    return {
      objectId: o.objectId,
      peerGroup: o.peerGroup,
      place: o.place!,
      median: quantileSorted(sample, 0.5),
      p5,
      p95,
      min: sample[0]!,
      max,
      robust: p95 - p5 <= threshold,
      placeCounts,
    };
  });

  return { perturbation, runs, seed, threshold, objects };
}

function dirichletAlpha(weights: readonly number[], concentration: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (sum > 0 ? (concentration * w) / sum : 0));
}
