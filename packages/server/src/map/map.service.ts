import type { ReadSchema } from '../db/read-db.ts';
import type { Db } from '../db/connection.ts';
import { siteListItem } from '../registry/sites/index.ts';
import { regionValue } from './map.presenter.ts';
import { countByRegion, findMapSites } from './map.repository.ts';

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
  const rows = await countByRegion(db, table, schema);
  return { measure, label, items: rows.map(regionValue) };
}

/** Every live site as a list item, for points on the map (coordinates may be missing). */
export async function mapSites(db: Db) {
  return { items: (await findMapSites(db)).map(siteListItem) };
}
