import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// Cached results of computed rating editions: one row per rated object with
// its peer group, score, place and group scores, so lists, ranking tables and
// exports read rows instead of recomputing. Explanations, sensitivity,
// comparisons and what-if recompute from the edition's input snapshot
// (rating_edition.inputs) with the pinned methodology version — the same
// numbers, since the computation is deterministic. Published places stay in
// rating_result.
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE rating_edition_result (
       edition_id integer NOT NULL REFERENCES rating_edition(id) ON DELETE CASCADE,
       object_type text NOT NULL,
       object_id text NOT NULL,
       peer_group text,
       score double precision,
       place integer CHECK (place >= 1),
       disqualified boolean NOT NULL DEFAULT false,
       group_scores jsonb NOT NULL,
       missing_indicators text[] NOT NULL DEFAULT '{}',
       PRIMARY KEY (edition_id, object_type, object_id)
     )`,
    `CREATE INDEX rating_edition_result_object_idx ON rating_edition_result (object_type, object_id)`,
  ]);
}
