import { sql } from 'kysely';
import type { ReadSchema } from '../db/read-db.ts';
import type { Db } from '../db/connection.ts';

export const MAP_MEASURES = {
  organisations: { table: 'organisation', label: 'Организации' },
  sites: { table: 'site', label: 'Площадки (ОЭЗ, технопарки, парки)' },
  clusters: { table: 'cluster', label: 'Кластеры' },
  events: { table: 'event', label: 'Мероприятия' },
  projects: { table: 'project', label: 'Проекты' },
} as const;
export type MapMeasure = keyof typeof MAP_MEASURES;

/** A value per federal subject for the choropleth; regions without records get 0. */
export async function regionMeasure(db: Db, measure: MapMeasure, schema: ReadSchema) {
  const { table, label } = MAP_MEASURES[measure];
  const rows = await sql<{ code: string; name: string; value: number }>`
    SELECT r.code, r.name, coalesce(c.n, 0)::int AS value
    FROM region r
    LEFT JOIN (SELECT region_code, count(*) AS n FROM ${sql.table(`${schema}.${table}`)} WHERE deleted_at IS NULL GROUP BY region_code) c
      ON c.region_code = r.code
    ORDER BY r.name COLLATE ru`.execute(db);
  return { measure, label, items: rows.rows };
}

export async function mapSites(db: Db) {
  const rows = await db
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
  return rows;
}
