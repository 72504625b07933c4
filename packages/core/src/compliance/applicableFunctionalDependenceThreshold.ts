import type { ClusterCheckInput } from './cluster-check.schema.ts';
import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';

export interface ApplicableThreshold {
  /** The threshold that applies; null when territory data are missing for enough participants to decide. */
  readonly threshold: number | null;
  /** Participants in at least one flagged territory. */
  readonly flagged: number;
  /** Participants whose territory is not stated (`territory` absent). */
  readonly unknown: number;
  readonly participants: number;
  /** The participants whose territory is unknown, in input order. */
  readonly unknownParticipants: readonly string[];
}

/**
 * ПП РФ № 779: the functional-dependence threshold is `threshold` (20 %), or
 * `reducedThreshold` (10 %) when at least `flaggedTerritoryShare` (30 %) of all
 * participants operate in a flagged territory (individual development programme,
 * geostrategic territory, single-industry town).
 *
 * The share is compared as flagged ÷ participants ≥ share: a division, so that
 * exactly 3 of 10 is 0.3 (0.3 × 10 in floating point is 3.0000000000000004).
 * Unknown territories are counted both ways: reduced if the known flagged
 * participants already reach the share, standard if even all unknown ones would
 * not, otherwise null. No participants: share 0, the standard threshold.
 */
export function applicableFunctionalDependenceThreshold(
  input: ClusterCheckInput,
  rules: ClusterRuleSet,
): ApplicableThreshold {
  const { threshold, reducedThreshold, flaggedTerritoryShare, flaggedTerritories } =
    rules.functionalDependence;
  const flags = new Set<string>(flaggedTerritories);
  let flagged = 0;
  const unknownParticipants: string[] = [];
  for (const p of input.participants) {
    if (p.territory === undefined) unknownParticipants.push(p.id);
    else if (p.territory.some((t) => flags.has(t))) flagged++;
  }
  const n = input.participants.length;
  const unknown = unknownParticipants.length;
  const applies =
    n > 0 && flagged / n >= flaggedTerritoryShare
      ? reducedThreshold
      : n === 0 || (flagged + unknown) / n < flaggedTerritoryShare
        ? threshold
        : null;
  return { threshold: applies, flagged, unknown, participants: n, unknownParticipants };
}
