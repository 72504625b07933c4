import type { Methodology } from './methodology.schema.ts';
import type { NormalisationParameters } from './normalisationParameters.ts';

/** One raw indicator value of one object, as imported (provenance is kept by the caller). */
export interface IndicatorValue {
  objectId: string;
  /** Peer group code; null or absent ranks the object with the other ungrouped ones. */
  peerGroup?: string | null | undefined;
  /** Indicator code from the methodology. */
  indicator: string;
  /** Null for a known gap; an absent row counts as null too. */
  value: number | null;
}

export interface ObjectIndicatorScore {
  code: string;
  group: string;
  raw: number | null;
  /** Normalised value after the missing-value rule; null when excluded. */
  normalised: number | null;
  /** True when the missing-value rule supplied the normalised value. */
  imputed: boolean;
  /** Effective weight in the total: renormalised group weight × renormalised indicator weight. */
  weight: number;
  /** weight × normalised; the contributions of an object sum to its score. */
  contribution: number | null;
}

export interface ObjectGroupScore {
  code: string;
  /** Weighted mean of the group's normalised values; null when none is present. */
  score: number | null;
  /** Group weight renormalised over the groups present for this object. */
  weight: number;
  contribution: number | null;
}

export interface ObjectScore {
  objectId: string;
  peerGroup: string | null;
  /** Null for disqualified objects and for objects with no weighted value at all. */
  score: number | null;
  /** Place within the peer group by the methodology's tie rule; null when score is null. */
  place: number | null;
  disqualified: boolean;
  /** Indicators with no observed raw value, in methodology order. */
  missingIndicators: string[];
  /** In methodology order. */
  groups: ObjectGroupScore[];
  /** In methodology order. */
  indicators: ObjectIndicatorScore[];
}

export interface PeerGroupNormalisation {
  peerGroup: string | null;
  /** Parameters fitted to the peer group, in methodology indicator order; null for an empty column. */
  parameters: (NormalisationParameters | null)[];
}

/** The result of running a methodology on a set of indicator values. */
export interface Edition {
  methodology: Methodology;
  peerGroups: PeerGroupNormalisation[];
  /** Grouped by peer group (in order of first appearance), then by place; unplaced last. */
  objects: ObjectScore[];
}
