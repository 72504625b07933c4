import type { Edition } from './edition.types.ts';
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
  const indicatorWeights = new Float64Array(I);

  // Indicators reordered so that each group is a contiguous range [start, end):
  // the scoring loop then keeps its sums in local variables.
  const order = indicators.map((_, j) => j).sort((a, b) => groupOf[a]! - groupOf[b]! || a - b);
  const groupStart = new Int32Array(G + 1);
  for (const j of order) groupStart[groupOf[j]! + 1]! += 1;
  for (let g = 0; g < G; g++) groupStart[g + 1]! += groupStart[g]!;

  const placed = edition.objects.filter((o) => o.place !== null && o.score !== null);
  const O = placed.length;
  // values[r·I + k]: normalised value of the k-th indicator in group order, 0 when
  // excluded; present[…] 1 or 0; complete[r·G + g] 1 when nothing is excluded in g.
  const values = new Float64Array(O * I);
  const present = new Float64Array(O * I);
  const complete = new Uint8Array(O * G).fill(1);
  placed.forEach((o, r) =>
    order.forEach((j, k) => {
      const v = o.indicators.normalised[j]!;
      if (Number.isNaN(v)) complete[r * G + groupOf[j]!] = 0;
      else {
        values[r * I + k] = v;
        present[r * I + k] = 1;
      }
    }),
  );
  const peerGroupMembers = new Map<string | null, number[]>();
  placed.forEach((o, r) => {
    const members = peerGroupMembers.get(o.peerGroup);
    if (members) members.push(r);
    else peerGroupMembers.set(o.peerGroup, [r]);
  });
  const memberScores = [...peerGroupMembers.values()].map(
    (m) => new Array<number | null>(m.length),
  );

  const random = createRandom(seed);
  const groupWeights = new Float64Array(G);
  const weights = new Float64Array(I); // indicator weights in group order
  const groupWeightSum = new Float64Array(G);
  const scores = new Float64Array(O);
  // counts[r][k − 1]: runs in which object r took place k (a histogram instead
  // of the raw sample: no runs × objects array, and quantiles without sorting).
  const counts: Float64Array[] = new Array(O);
  for (const members of peerGroupMembers.values())
    for (const r of members) counts[r] = new Float64Array(members.length);

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
    groupWeightSum.fill(0);
    order.forEach((j, k) => {
      // Negative weights cannot arise (spread ≤ 1, Dirichlet ≥ 0); clamp for safety,
      // as computeEdition ignores indicators with weight ≤ 0.
      const w = Math.max(0, indicatorWeights[j]!);
      weights[k] = w;
      groupWeightSum[groupOf[j]!]! += w;
    });

    scoreObjects(
      { values, present, complete, groupStart, objects: O, indicators: I, groups: G },
      weights,
      groupWeightSum,
      groupWeights,
      scores,
    );

    let p = 0;
    for (const members of peerGroupMembers.values()) {
      const memberScore = memberScores[p++]!;
      for (let m = 0; m < members.length; m++) {
        const s = scores[members[m]!]!;
        memberScore[m] = Number.isNaN(s) ? null : s;
      }
      const ranked = rankWithTies(memberScore, edition.methodology.tieRule);
      for (let m = 0; m < members.length; m++)
        counts[members[m]!]![(ranked[m] ?? members.length) - 1]! += 1;
    }
  }

  const objects = placed.map((o, r): PlaceDistribution => {
    const histogram = counts[r]!;
    const p5 = quantileOfCounts(histogram, runs, 0.05);
    const p95 = quantileOfCounts(histogram, runs, 0.95);
    const max = orderStatistic(histogram, runs - 1);
    return {
      objectId: o.objectId,
      peerGroup: o.peerGroup,
      place: o.place!,
      median: quantileOfCounts(histogram, runs, 0.5),
      p5,
      p95,
      min: orderStatistic(histogram, 0),
      max,
      robust: p95 - p5 <= threshold,
      placeCounts: Array.from(histogram.subarray(0, Math.max(max, o.place!))),
    };
  });

  return { perturbation, runs, seed, threshold, objects };
}

/**
 * Type 7 quantile (see quantileSorted.ts) of the sample in which place k occurs
 * counts[k − 1] times, without expanding the sample.
 */
function quantileOfCounts(counts: Float64Array, total: number, p: number): number {
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const a = orderStatistic(counts, lo);
  const b = orderStatistic(counts, Math.min(lo + 1, total - 1));
  return a + (h - lo) * (b - a);
}

/** The i-th smallest place (0-based) of the sample described by counts. */
function orderStatistic(counts: Float64Array, i: number): number {
  let cumulative = 0;
  for (let k = 0; k < counts.length; k++) {
    cumulative += counts[k]!;
    if (cumulative > i) return k + 1;
  }
  return counts.length;
}

function dirichletAlpha(weights: readonly number[], concentration: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (sum > 0 ? (concentration * w) / sum : 0));
}

interface ScoringLayout {
  values: Float64Array;
  present: Float64Array;
  complete: Uint8Array;
  groupStart: Int32Array;
  objects: number;
  indicators: number;
  groups: number;
}

/**
 * computeEdition's score formula over the whole edition for one draw of
 * weights, kept small and monomorphic so the JIT optimises it: this loop is
 * runs × objects × indicators long.
 */
function scoreObjects(
  layout: ScoringLayout,
  weights: Float64Array,
  groupWeightSum: Float64Array,
  groupWeights: Float64Array,
  scores: Float64Array,
): void {
  const { values, present, complete, groupStart, objects, indicators, groups } = layout;
  for (let r = 0; r < objects; r++) {
    const row = r * indicators;
    let total = 0;
    let weight = 0;
    for (let g = 0; g < groups; g++) {
      const start = groupStart[g]!;
      const end = groupStart[g + 1]!;
      let numerator = 0;
      let denominator = 0;
      if (complete[r * groups + g] === 1) {
        for (let k = start; k < end; k++) numerator += weights[k]! * values[row + k]!;
        denominator = groupWeightSum[g]!;
      } else {
        for (let k = start; k < end; k++) {
          const w = weights[k]! * present[row + k]!;
          numerator += w * values[row + k]!;
          denominator += w;
        }
      }
      if (denominator <= 0) continue;
      weight += groupWeights[g]!;
      total += (groupWeights[g]! * numerator) / denominator;
    }
    scores[r] = weight > 0 ? total / weight : Number.NaN;
  }
}
