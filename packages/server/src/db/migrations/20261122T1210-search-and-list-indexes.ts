import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// Indexes measured on the 300,000-organisation benchmark (bench/RESULTS.md):
// - records of a region in name order: the region branch of search and
//   region-filtered lists read a page straight from the index;
// - (region_code, published): region counts as index-only scans, for signed-in
//   users and for the public reader's published view alike;
// - (region_code, kind, inn): the list sorted by ИНН, and its count;
// - text_pattern_ops on ОКВЭД2 codes: `LIKE '25.%'` for a division filter
//   (a plain btree cannot serve LIKE under a non-C collation).
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE INDEX organisation_region_name_idx ON organisation (region_code, (name COLLATE ru), id) WHERE deleted_at IS NULL`,
    `CREATE INDEX organisation_region_published_idx ON organisation (region_code, published) WHERE deleted_at IS NULL`,
    `CREATE INDEX organisation_region_kind_name_idx ON organisation (region_code, kind, (name COLLATE ru), id) WHERE deleted_at IS NULL`,
    `CREATE INDEX organisation_region_kind_inn_idx ON organisation (region_code, kind, inn, id) WHERE deleted_at IS NULL`,
    `CREATE INDEX organisation_okved_pattern_idx ON organisation_okved (okved_code text_pattern_ops, organisation_id)`,
    `CREATE INDEX site_region_name_idx ON site (region_code, (name COLLATE ru), id) WHERE deleted_at IS NULL`,
    `CREATE INDEX cluster_region_name_idx ON cluster (region_code, (name COLLATE ru), id) WHERE deleted_at IS NULL`,
  ]);
}
