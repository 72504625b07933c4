import type { Generated } from 'kysely';
import type { RecordColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface RatingTable extends RecordColumns {
  id: Generated<number>;
  code: string | null;
  name: string;
  publisher_organisation_id: number | null;
  object_type: string;
  methodology_code: string | null;
}
export interface RatingResultTable extends RecordColumns {
  id: Generated<number>;
  rating_id: number;
  edition_label: string;
  edition_number: number | null;
  year: number;
  peer_group: string | null;
  object_type: string;
  object_id: number;
  place: number;
  score: number | null;
  kind: Generated<string>;
  edition_id: number | null;
}
