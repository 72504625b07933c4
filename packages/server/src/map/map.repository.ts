import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ReadSchema } from '../db/read-db.ts';

/** The record count of one table per federal subject. */
export interface RegionValueRow {
  code: string;
  name: string;
  value: number;
}

/**
 * Live records of `table` per federal subject, read in `schema` (the
 * published views for anonymous readers); regions without records get 0.
 */
export async function countByRegion(
  db: Db,
  table: 'organisation' | 'site' | 'cluster' | 'event' | 'project',
  schema: ReadSchema,
): Promise<RegionValueRow[]> {
  const rows = await sql<RegionValueRow>`
    SELECT r.code, r.name, coalesce(c.n, 0)::int AS value
    FROM region r
    LEFT JOIN (SELECT region_code, count(*) AS n FROM ${sql.table(`${schema}.${table}`)} WHERE deleted_at IS NULL GROUP BY region_code) c
      ON c.region_code = r.code
    ORDER BY r.name COLLATE ru`.execute(db);
  return rows.rows;
}

/** Live sites with their coordinates (which may be missing), for points on the map. */
export async function findMapSites(db: Db) {
  return db
    .selectFrom('site')
    .leftJoin('region', 'region.code', 'site.region_code')
    .select([
      'site.id',
      'site.kind',
      'site.sez_type',
      'site.name',
      'site.region_code',
      'region.name as region_name',
      'site.latitude',
      'site.longitude',
    ])
    .where('site.deleted_at', 'is', null)
    .orderBy('site.id')
    .execute();
}
