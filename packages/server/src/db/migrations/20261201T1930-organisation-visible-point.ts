import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// An organisation's id with what the visibility views test (published,
// deleted_at) and what the supplier search filters on (the point, the region),
// so both are answered from the index alone, without reading the wide
// organisation row (its text, search vector, aliases):
// - the views' `EXISTS (SELECT 1 FROM organisation r WHERE r.id = … AND
//   r.published AND r.deleted_at IS NULL)` on every row of a dependent table;
// - the supplier search's step from the organisations matching a need to those
//   within the radius (latitude/longitude window, then the exact distance).
// Measured on the 300,000-organisation benchmark (bench/RESULTS.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE INDEX organisation_visible_point_idx ON organisation (id)
       INCLUDE (published, deleted_at, latitude, longitude, region_code)`,
  ]);
}
