import type { Edition, ObjectScore } from './edition.types.ts';

export interface IndicatorDriver {
  indicator: string;
  /** Contribution to the score in the earlier edition; 0 when absent or excluded. */
  contributionBefore: number;
  contributionAfter: number;
  /** contributionAfter − contributionBefore. */
  change: number;
}

export interface PlaceMove {
  objectId: string;
  peerGroupBefore: string | null;
  peerGroupAfter: string | null;
  placeBefore: number | null;
  placeAfter: number | null;
  /**
   * placeBefore − placeAfter: positive means the object moved up. Null when a
   * place is missing or the object changed peer group (places in different
   * peer groups do not compare).
   */
  placesGained: number | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  scoreChange: number | null;
  /** Indicators whose contribution changed, largest absolute change first. */
  drivers: IndicatorDriver[];
}

export interface EditionComparison {
  /** Objects in both editions, largest absolute move first, then by objectId. */
  moves: PlaceMove[];
  /** Objects only in the later edition. */
  entered: string[];
  /** Objects only in the earlier edition. */
  left: string[];
}

/**
 * Compares two editions (e.g. 2024 and 2025, or one year under two
 * methodology versions): who moved, by how many places, and which indicators
 * changed the object's score most.
 *
 * An object's score is the sum of its indicator contributions, so the
 * contribution changes add up exactly to its score change (indicators
 * matched by code; one missing from an edition counts as contributing 0).
 * They explain why the object's own score moved; a place can also change
 * because other objects moved, which the other objects' own drivers show.
 * Changes smaller than 1e-12 are treated as no change.
 */
export function compareEditions(before: Edition, after: Edition): EditionComparison {
  const earlier = new Map(before.objects.map((o) => [o.objectId, o]));
  const later = new Set(after.objects.map((o) => o.objectId));
  const moves: PlaceMove[] = [];
  const entered: string[] = [];

  for (const now of after.objects) {
    const then = earlier.get(now.objectId);
    if (!then) {
      entered.push(now.objectId);
      continue;
    }
    const samePeerGroup = then.peerGroup === now.peerGroup;
    moves.push({
      objectId: now.objectId,
      peerGroupBefore: then.peerGroup,
      peerGroupAfter: now.peerGroup,
      placeBefore: then.place,
      placeAfter: now.place,
      placesGained:
        samePeerGroup && then.place !== null && now.place !== null ? then.place - now.place : null,
      scoreBefore: then.score,
      scoreAfter: now.score,
      scoreChange: then.score !== null && now.score !== null ? now.score - then.score : null,
      drivers: drivers(before, then, after, now),
    });
  }

  moves.sort(
    (a, b) =>
      Math.abs(b.placesGained ?? 0) - Math.abs(a.placesGained ?? 0) ||
      (a.objectId < b.objectId ? -1 : a.objectId > b.objectId ? 1 : 0),
  );
  const left = before.objects.map((o) => o.objectId).filter((id) => !later.has(id));
  return { moves, entered, left };
}

function drivers(
  before: Edition,
  then: ObjectScore,
  after: Edition,
  now: ObjectScore,
): IndicatorDriver[] {
  const contribution = (o: ObjectScore, j: number) => {
    const c = o.indicators.contribution[j]!;
    return Number.isNaN(c) ? 0 : c;
  };
  const contributions = new Map<string, [number, number]>();
  after.methodology.indicators.forEach((ind, j) =>
    contributions.set(ind.code, [0, contribution(now, j)]),
  );
  before.methodology.indicators.forEach((ind, j) => {
    const entry = contributions.get(ind.code);
    if (entry) entry[0] = contribution(then, j);
    else contributions.set(ind.code, [contribution(then, j), 0]);
  });
  const out: IndicatorDriver[] = [];
  for (const [indicator, [contributionBefore, contributionAfter]] of contributions) {
    const change = contributionAfter - contributionBefore;
    if (Math.abs(change) > 1e-12)
      out.push({ indicator, contributionBefore, contributionAfter, change });
  }
  return out.sort(
    (a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.indicator < b.indicator ? -1 : 1),
  );
}
