import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// Cluster categories (traded or local) and their assignment from ОКВЭД2 codes
// of any level; the most specific assigned code wins. Editable data: the
// defaults in core/clusters/default-cluster-categories.ts are inserted when
// missing, never overwritten. No foreign key to okved: groups and subgroups
// exist there only after the full classifier is imported, while the mapping
// must work from the start.
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE TABLE cluster_category (
       code text PRIMARY KEY,
       name text NOT NULL,
       type text NOT NULL CHECK (type IN ('traded', 'local')),
       description text
     )`,
    `CREATE TABLE cluster_category_okved (
       okved_code text PRIMARY KEY,
       category_code text NOT NULL REFERENCES cluster_category(code) ON UPDATE CASCADE ON DELETE CASCADE
     )`,
    `CREATE INDEX cluster_category_okved_category_idx ON cluster_category_okved (category_code)`,
  ]);
}
