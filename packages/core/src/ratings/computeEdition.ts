import { applyMissingValueRule } from './applyMissingValueRule.ts';
import type {
  Edition,
  IndicatorValue,
  ObjectGroupScore,
  ObjectIndicatorScore,
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

  interface Entry {
    objectId: string;
    peerGroup: string | null;
    raw: (number | null)[];
    given: Uint8Array;
  }
  const entries = new Map<string, Entry>();
  const peerGroups = new Map<string | null, Entry[]>();
  for (const v of values) {
    const j = indicatorIndex.get(v.indicator);
    if (j === undefined)
      throw new Error(`показатель «${v.indicator}» (объект «${v.objectId}») не описан в методике`);
    if (v.value !== null && !Number.isFinite(v.value))
      throw new Error(`значение показателя «${v.indicator}» объекта «${v.objectId}» не число`);
    const peerGroup = v.peerGroup ?? null;
    let entry = entries.get(v.objectId);
    if (!entry) {
      entry = {
        objectId: v.objectId,
        peerGroup,
        raw: new Array<number | null>(I).fill(null),
        given: new Uint8Array(I),
      };
      entries.set(v.objectId, entry);
      const members = peerGroups.get(peerGroup);
      if (members) members.push(entry);
      else peerGroups.set(peerGroup, [entry]);
    } else if (entry.peerGroup !== peerGroup) {
      throw new Error(
        `объект «${v.objectId}» указан в двух группах сравнения: «${entry.peerGroup}» и «${peerGroup}»`,
      );
    }
    if (entry.given[j])
      throw new Error(
        `значение показателя «${v.indicator}» объекта «${v.objectId}» указано дважды`,
      );
    entry.raw[j] = v.value;
    entry.given[j] = 1;
  }

  const fitted: PeerGroupNormalisation[] = [];
  const objects: ObjectScore[] = [];

  for (const [peerGroup, members] of peerGroups) {
    const raw = members.map((m) => m.raw);
    const disqualified =
      methodology.missingValueRule === 'disqualify'
        ? applyMissingValueRule(raw, 'disqualify').disqualified
        : members.map(() => false);

    const parameters: (NormalisationParameters | null)[] = indicators.map((ind, j) =>
      normalisationParameters(
        raw.map((row, r) => (disqualified[r] ? null : row[j])),
        {
          method: ind.normalisation ?? methodology.normalisation,
          direction: ind.direction,
          target: ind.target,
        },
      ),
    );
    fitted.push({ peerGroup, parameters });

    const normalised = raw.map((row, r) =>
      row.map((x, j) =>
        disqualified[r] || !parameters[j] ? null : normaliseValue(x, parameters[j]),
      ),
    );
    const filled = applyMissingValueRule(normalised, methodology.missingValueRule);

    const scored = members.map((m, r): ObjectScore => {
      const missingIndicators = indicators.filter((_, j) => m.raw[j] == null).map((i) => i.code);
      if (disqualified[r]) return unscored(m, methodology, missingIndicators, true);
      const n = filled.values[r]!;
      const numerator = new Array<number>(G).fill(0);
      const denominator = new Array<number>(G).fill(0);
      for (let j = 0; j < I; j++) {
        const v = n[j];
        const w = indicators[j]!.weight;
        if (v == null || w <= 0) continue;
        numerator[groupOf[j]!]! += w * v;
        denominator[groupOf[j]!]! += w;
      }
      let totalWeight = 0;
      for (let g = 0; g < G; g++) if (denominator[g]! > 0) totalWeight += groups[g]!.weight;
      if (totalWeight <= 0) return unscored(m, methodology, missingIndicators, false);

      let score = 0;
      const groupScores: ObjectGroupScore[] = groups.map((group, g) => {
        if (denominator[g]! <= 0)
          return { code: group.code, score: null, weight: 0, contribution: null };
        const groupScore = numerator[g]! / denominator[g]!;
        const weight = group.weight / totalWeight;
        score += weight * groupScore;
        return { code: group.code, score: groupScore, weight, contribution: weight * groupScore };
      });
      const indicatorScores: ObjectIndicatorScore[] = indicators.map((ind, j) => {
        const v = n[j] ?? null;
        const g = groupOf[j]!;
        const weight =
          v === null || ind.weight <= 0 || denominator[g]! <= 0
            ? 0
            : (groups[g]!.weight / totalWeight) * (ind.weight / denominator[g]!);
        return {
          code: ind.code,
          group: ind.group,
          raw: m.raw[j] ?? null,
          normalised: v,
          imputed: filled.imputed[r]![j]!,
          weight,
          contribution: v === null ? null : weight * v,
        };
      });
      return {
        objectId: m.objectId,
        peerGroup,
        score,
        place: null,
        disqualified: false,
        missingIndicators,
        groups: groupScores,
        indicators: indicatorScores,
      };
    });

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
  m: { objectId: string; peerGroup: string | null; raw: (number | null)[] },
  methodology: Methodology,
  missingIndicators: string[],
  disqualified: boolean,
): ObjectScore {
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
    indicators: methodology.indicators.map((ind, j) => ({
      code: ind.code,
      group: ind.group,
      raw: m.raw[j] ?? null,
      normalised: null,
      imputed: false,
      weight: 0,
      contribution: null,
    })),
  };
}
