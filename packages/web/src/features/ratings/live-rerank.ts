import { computeEdition } from '@promatlas/core/ratings/computeEdition.ts';
import type {
  Edition as CoreEdition,
  IndicatorValue,
} from '@promatlas/core/ratings/edition.types.ts';
import type { Methodology } from '@promatlas/core/ratings/methodology.schema.ts';
import { listIndicatorValuesRoute } from '@promatlas/core/api/contract/ratings.ts';
import { api } from '../../shared/api/api.ts';
import type { Edition } from './ratings-api.ts';

/**
 * Live re-ranking in the browser: the weights editor runs core's
 * computeEdition on the edition's inputs at every slider step, so a re-rank
 * of 50 objects costs well under a millisecond and no request.
 *
 * The API does not serve an edition's stored input snapshot, so the inputs are
 * rebuilt from the indicator values of the edition's dataset and year, with
 * each object's peer group as the edition states it. If the values changed
 * since the edition was computed, the rebuilt edition no longer reproduces the
 * stored scores; then the editor re-ranks on the server (what-if) instead.
 */
export interface RerankInputs {
  values: IndicatorValue[];
  /** True when computeEdition on these values gives exactly the edition's stored scores and places. */
  reproducesEdition: boolean;
}

const OBJECT_TYPE: Record<string, 'site' | 'cluster' | 'region'> = {
  sez: 'site',
  industrial_park: 'site',
  technopark: 'site',
  cluster: 'cluster',
  region: 'region',
};

export async function loadRerankInputs(
  edition: Edition,
  methodology: Methodology,
  signal?: AbortSignal,
): Promise<RerankInputs> {
  const peerGroupOf = new Map<string, string | null>();
  for (const table of edition.peerGroups)
    for (const row of table.rows) peerGroupOf.set(row.object.id, table.peerGroup);
  const list = await api(
    listIndicatorValuesRoute,
    {
      query: {
        dataset: edition.dataset ?? 'main',
        year: edition.year,
        objectType: OBJECT_TYPE[methodology.objectType] ?? 'site',
      },
    },
    signal,
  );
  const codes = new Set(methodology.indicators.map((i) => i.code));
  const values: IndicatorValue[] = [];
  for (const item of list.items) {
    if (!codes.has(item.indicator) || !peerGroupOf.has(item.object.id)) continue;
    values.push({
      objectId: item.object.id,
      peerGroup: peerGroupOf.get(item.object.id) ?? null,
      indicator: item.indicator,
      value: item.value,
    });
  }
  return {
    values,
    reproducesEdition:
      values.length > 0 && reproduces(computeEdition(methodology, values), edition),
  };
}

function reproduces(computed: CoreEdition, edition: Edition): boolean {
  const stored = new Map(
    edition.peerGroups.flatMap((t) => t.rows.map((r) => [r.object.id, r] as const)),
  );
  if (stored.size !== computed.objects.length) return false;
  return computed.objects.every((o) => {
    const s = stored.get(o.objectId);
    if (!s || s.place !== o.place) return false;
    if (s.score === null || o.score === null) return s.score === o.score;
    return Math.abs(s.score - o.score) <= 1e-9;
  });
}

export interface Weights {
  groups: Record<string, number>;
  indicators: Record<string, number>;
}

export function statedWeights(methodology: Methodology): Weights {
  return {
    groups: Object.fromEntries(methodology.groups.map((g) => [g.code, g.weight])),
    indicators: Object.fromEntries(methodology.indicators.map((i) => [i.code, i.weight])),
  };
}

export function withWeights(methodology: Methodology, weights: Weights): Methodology {
  return {
    ...methodology,
    groups: methodology.groups.map((g) => ({ ...g, weight: weights.groups[g.code] ?? g.weight })),
    indicators: methodology.indicators.map((i) => ({
      ...i,
      weight: weights.indicators[i.code] ?? i.weight,
    })),
  };
}

/**
 * Why a weight set cannot be computed (computeEdition needs a positive group
 * weight sum and a positive indicator weight in every weighted group), or null.
 */
export function weightProblem(methodology: Methodology, weights: Weights): string | null {
  const groups = methodology.groups.map((g) => ({
    ...g,
    weight: weights.groups[g.code] ?? g.weight,
  }));
  if (groups.reduce((s, g) => s + g.weight, 0) <= 0)
    return 'Сумма весов групп должна быть больше нуля.';
  for (const g of groups) {
    if (g.weight <= 0) continue;
    const any = methodology.indicators.some(
      (i) => i.group === g.code && (weights.indicators[i.code] ?? i.weight) > 0,
    );
    if (!any) return `В группе «${g.name}» нет ни одного показателя с положительным весом.`;
  }
  return null;
}

export interface Rerank {
  edition: CoreEdition;
  /** Time computeEdition took, ms. */
  computeMs: number;
}

/** computeEdition with the given weights, timed. */
export function rerank(
  methodology: Methodology,
  values: readonly IndicatorValue[],
  weights: Weights,
): Rerank {
  const started = performance.now();
  const edition = computeEdition(withWeights(methodology, weights), values);
  return { edition, computeMs: performance.now() - started };
}
