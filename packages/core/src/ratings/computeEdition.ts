import { applyMissingValueRule } from './applyMissingValueRule.ts';
import type {
  Edition,
  IndicatorValue,
  ObjectGroupScore,
  ObjectIndicatorScores,
  ObjectScore,
  PeerGroupNormalisation,
} from './edition.types.ts';
import type { Methodology } from './methodology.schema.ts';
import {
  normalisationParameters,
  type NormalisationParameters,
} from './normalisationParameters.ts';
import { normaliseValue } from './normaliseValue.ts';
import { rankWithTies } from './rankWithTies.ts';

/**
 * Computes an edition: scores and places of every object under a methodology.
 *
 * Each peer group is rated on its own: normalisation parameters are fitted to
 * the peer group's values, missing values are filled from the peer group, and
 * places are given within it. A score is therefore only comparable with
 * scores of the same peer group.
 *
 * Score of object o (weights need not sum to 1; they are renormalised):
 *   group score  G_g = Σ_i w_i · n_i / Σ_i w_i over indicators i of g that o has
 *                      (after the missing-value rule);
 *   total score  S   = Σ_g W_g · G_g / Σ_g W_g over groups g in which o has at
 *                      least one indicator with positive weight.
 * So under the 'exclude' rule an object is scored on what it reported: a
 * missing indicator's weight goes to the rest of its group, a group with
 * nothing reported hands its weight to the other groups. The contribution of
 * indicator i is (W_g / Σ W) · (w_i / Σ w) · n_i and contributions sum to S.
 *
 * Objects are the distinct objectIds in `values`; an indicator with no row for
 * an object is missing. Throws (in Russian) on an unknown indicator code, a
 * repeated object–indicator pair, a non-finite value or an object given in two
 * peer groups.
 */
export function computeEdition(
  methodology: Methodology,
  values: readonly IndicatorValue[],
): Edition {
  const { indicators, groups } = methodology;
  const indicatorIndex = new Map(indicators.map((ind, i) => [ind.code, i]));
  const groupIndex = new Map(groups.map((g, i) => [g.code, i]));
  const groupOf = indicators.map((ind) => groupIndex.get(ind.group)!);
  const I = indicators.length;
  const G = groups.length;

  // Internally values live in typed arrays with NaN for "missing", so that a
  // 1,000 × 100 edition does not allocate a boxed number per cell.
  interface Entry {
    objectId: string;
    peerGroup: string | null;
    raw: Float64Array;
  }
  const entries = new Map<string, Entry>();
  const peerGroups = new Map<string | null, Entry[]>();
  const given = new Map<Entry, Uint8Array>();
  for (const v of values) {
    const j = indicatorIndex.get(v.indicator);
    if (j === undefined)
      throw new Error(`показатель «${v.indicator}» (объект «${v.objectId}») не описан в методике`);
    if (v.value !== null && !Number.isFinite(v.value))
      throw new Error(`значение показателя «${v.indicator}» объекта «${v.objectId}» не число`);
    const peerGroup = v.peerGroup ?? null;
    let entry = entries.get(v.objectId);
    if (!entry) {
      entry = { objectId: v.objectId, peerGroup, raw: new Float64Array(I).fill(Number.NaN) };
      entries.set(v.objectId, entry);
      given.set(entry, new Uint8Array(I));
      const members = peerGroups.get(peerGroup);
      if (members) members.push(entry);
      else peerGroups.set(peerGroup, [entry]);
    } else if (entry.peerGroup !== peerGroup) {
      throw new Error(
        `объект «${v.objectId}» указан в двух группах сравнения: «${entry.peerGroup}» и «${peerGroup}»`,
      );
    }
    const seen = given.get(entry)!;
    if (seen[j])
      throw new Error(
        `значение показателя «${v.indicator}» объекта «${v.objectId}» указано дважды`,
      );
    seen[j] = 1;
    if (v.value !== null) entry.raw[j] = v.value;
  }

  const fitted: PeerGroupNormalisation[] = [];
  const objects: ObjectScore[] = [];
  const numerator = new Float64Array(G);
  const denominator = new Float64Array(G);

  for (const [peerGroup, members] of peerGroups) {
    const n = members.length;
    const raw = members.map((m) => m.raw);
    const disqualified =
      methodology.missingValueRule === 'disqualify'
        ? applyMissingValueRule(raw, 'disqualify').disqualified
        : members.map(() => false);

    const normalisedBuffer = new Float64Array(n * I).fill(Number.NaN);
    const normalised = members.map((_, r) => normalisedBuffer.subarray(r * I, (r + 1) * I));
    const weightBuffer = new Float64Array(n * I);
    const contributionBuffer = new Float64Array(n * I).fill(Number.NaN);
    const column = new Float64Array(n);
    const parameters: (NormalisationParameters | null)[] = indicators.map((ind, j) => {
      for (let r = 0; r < n; r++) column[r] = disqualified[r] ? Number.NaN : raw[r]![j]!;
      const p = normalisationParameters(column, {
        method: ind.normalisation ?? methodology.normalisation,
        direction: ind.direction,
        target: ind.target,
      });
      if (p)
        for (let r = 0; r < n; r++) {
          const x = column[r]!;
          if (x === x) normalised[r]![j] = normaliseValue(x, p)!;
        }
      return p;
    });
    fitted.push({ peerGroup, parameters });

    const filled = applyMissingValueRule(normalised, methodology.missingValueRule);

    const scored: ObjectScore[] = [];
    for (let r = 0; r < n; r++) {
      const m = members[r]!;
      const rawRow = m.raw;
      const missingIndicators: string[] = [];
      for (let j = 0; j < I; j++)
        if (rawRow[j] !== rawRow[j]) missingIndicators.push(indicators[j]!.code);
      if (disqualified[r]) {
        scored.push(unscored(m, methodology, missingIndicators, true));
        continue;
      }
      const values = filled.values[r]!;
      const imputed = filled.imputed[r]!;
      numerator.fill(0);
      denominator.fill(0);
      for (let j = 0; j < I; j++) {
        const v = values[j]!;
        const w = indicators[j]!.weight;
        if (v !== v || w <= 0) continue;
        numerator[groupOf[j]!]! += w * v;
        denominator[groupOf[j]!]! += w;
      }
      let totalWeight = 0;
      for (let g = 0; g < G; g++) if (denominator[g]! > 0) totalWeight += groups[g]!.weight;
      if (totalWeight <= 0) {
        scored.push(unscored(m, methodology, missingIndicators, false));
        continue;
      }

      let score = 0;
      const groupScores: ObjectGroupScore[] = new Array(G);
      for (let g = 0; g < G; g++) {
        const group = groups[g]!;
        if (denominator[g]! <= 0) {
          groupScores[g] = { code: group.code, score: null, weight: 0, contribution: null };
          continue;
        }
        const groupScore = numerator[g]! / denominator[g]!;
        const weight = group.weight / totalWeight;
        score += weight * groupScore;
        groupScores[g] = {
          code: group.code,
          score: groupScore,
          weight,
          contribution: weight * groupScore,
        };
      }
      const indicatorScores: ObjectIndicatorScores = {
        raw: rawRow,
        normalised: values,
        imputed,
        weight: weightBuffer.subarray(r * I, (r + 1) * I),
        contribution: contributionBuffer.subarray(r * I, (r + 1) * I),
      };
      for (let j = 0; j < I; j++) {
        const v = values[j]!;
        if (v !== v) continue;
        const g = groupOf[j]!;
        const w = indicators[j]!.weight;
        const weight =
          w <= 0 || denominator[g]! <= 0
            ? 0
            : (groups[g]!.weight / totalWeight) * (w / denominator[g]!);
        indicatorScores.weight[j] = weight;
        indicatorScores.contribution[j] = weight * v;
      }
      scored.push({
        objectId: m.objectId,
        peerGroup,
        score,
        place: null,
        disqualified: false,
        missingIndicators,
        groups: groupScores,
        indicators: indicatorScores,
      });
    }

    const places = rankWithTies(
      scored.map((s) => s.score),
      methodology.tieRule,
    );
    scored.forEach((s, r) => (s.place = places[r] ?? null));
    scored.sort(
      (a, b) =>
        (a.place ?? Infinity) - (b.place ?? Infinity) ||
        (a.objectId < b.objectId ? -1 : a.objectId > b.objectId ? 1 : 0),
    );
    objects.push(...scored);
  }

  return { methodology, peerGroups: fitted, objects };
}

function unscored(
  m: { objectId: string; peerGroup: string | null; raw: Float64Array },
  methodology: Methodology,
  missingIndicators: string[],
  disqualified: boolean,
): ObjectScore {
  const I = methodology.indicators.length;
  return {
    objectId: m.objectId,
    peerGroup: m.peerGroup,
    score: null,
    place: null,
    disqualified,
    missingIndicators,
    groups: methodology.groups.map((g) => ({
      code: g.code,
      score: null,
      weight: 0,
      contribution: null,
    })),
    indicators: {
      raw: m.raw,
      normalised: new Float64Array(I).fill(Number.NaN),
      imputed: new Uint8Array(I),
      weight: new Float64Array(I),
      contribution: new Float64Array(I).fill(Number.NaN),
    },
  };
}
