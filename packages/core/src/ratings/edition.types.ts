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

/**
 * Per-indicator breakdown of one object, one entry per indicator in
 * methodology order (the code of entry j is methodology.indicators[j].code).
 * Typed arrays with NaN for "none", not arrays of objects: an edition of
 * 1,000 objects × 100 indicators would otherwise allocate 100,000 objects and
 * spend most of its time collecting garbage. explainScore turns one object's
 * breakdown into readable records.
 */
export interface ObjectIndicatorScores {
  /** Raw values; NaN where the object has no observed value. */
  raw: Float64Array;
  /** Normalised values after the missing-value rule; NaN where excluded. */
  normalised: Float64Array;
  /** 1 where the missing-value rule supplied the normalised value. */
  imputed: Uint8Array;
  /** Effective weight in the total: renormalised group weight × renormalised indicator weight; 0 when excluded. */
  weight: Float64Array;
  /** weight × normalised (NaN where excluded); the contributions of an object sum to its score. */
  contribution: Float64Array;
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
  indicators: ObjectIndicatorScores;
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
