import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface RatingMethodologyTable {
  id: Generated<number>;
  code: string;
  version: string;
  title: string;
  object_type: string;
  /** Methodology JSON (core methodology.schema.ts); immutable once stored. */
  body: ColumnType<unknown, string, never>;
  is_default: Generated<boolean>;
  created_at: Timestamp;
}
export interface RatingEditionTable {
  id: Generated<number>;
  rating_id: number | null;
  methodology_id: number | null;
  kind: 'computed' | 'published';
  year: number;
  label: string;
  edition_number: number | null;
  status: Generated<'draft' | 'final'>;
  dataset: string | null;
  /** Snapshot of the indicator values a computed edition used (JSON text on write). */
  inputs: ColumnType<unknown, string | null, string | null>;
  computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  source_id: number | null;
  source_quote: string | null;
}
export interface RatingIndicatorValueTable {
  id: Generated<number>;
  dataset: string;
  object_type: 'site' | 'cluster' | 'region';
  object_id: string;
  indicator: string;
  year: number;
  value: number | null;
  source_id: number | null;
  source_text: string | null;
  provenance: 'import' | 'illustrative' | 'manual';
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface RatingEditionResultTable {
  edition_id: number;
  object_type: string;
  object_id: string;
  peer_group: string | null;
  score: number | null;
  place: number | null;
  disqualified: Generated<boolean>;
  /** [{ code, score, weight, contribution }] in methodology group order (JSON text on write). */
  group_scores: ColumnType<unknown, string, string>;
  missing_indicators: Generated<string[]>;
}
