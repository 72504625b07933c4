import type { Db } from '../../db/connection.ts';
import type { StoredObjectType } from '../rating-objects.ts';

/** SQL of rating_indicator_value and the name lookups the importer needs. */

export interface IndicatorValueRow {
  id: number;
  dataset: string;
  object_type: StoredObjectType;
  object_id: string;
  indicator: string;
  year: number;
  value: number | null;
  source_id: number | null;
  source_text: string | null;
  provenance: 'import' | 'illustrative' | 'manual';
}

const COLUMNS = [
  'id',
  'dataset',
  'object_type',
  'object_id',
  'indicator',
  'year',
  'value',
  'source_id',
  'source_text',
  'provenance',
] as const;

export async function findIndicatorValueRows(
  db: Db,
  filter: {
    dataset?: string | undefined;
    objectType?: StoredObjectType | undefined;
    objectId?: string | undefined;
    years?: number[] | undefined;
    indicators?: string[] | undefined;
  },
): Promise<IndicatorValueRow[]> {
  let q = db.selectFrom('rating_indicator_value').select(COLUMNS);
  if (filter.dataset !== undefined) q = q.where('dataset', '=', filter.dataset);
  if (filter.objectType !== undefined) q = q.where('object_type', '=', filter.objectType);
  if (filter.objectId !== undefined) q = q.where('object_id', '=', filter.objectId);
  if (filter.years !== undefined)
    q = filter.years.length
      ? q.where('year', 'in', filter.years)
      : q.where(({ lit }) => lit(false));
  if (filter.indicators !== undefined)
    q = filter.indicators.length
      ? q.where('indicator', 'in', filter.indicators)
      : q.where(({ lit }) => lit(false));
  return (await q
    .orderBy('year')
    .orderBy('object_type')
    .orderBy('object_id')
    .orderBy('indicator')
    .execute()) as IndicatorValueRow[];
}

export type NewIndicatorValue = Omit<IndicatorValueRow, 'id'>;

export async function insertIndicatorValueRows(db: Db, rows: NewIndicatorValue[]): Promise<void> {
  // Batches keep each statement well under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('rating_indicator_value')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function updateIndicatorValueRow(
  db: Db,
  id: number,
  change: Pick<IndicatorValueRow, 'value' | 'source_id' | 'source_text' | 'provenance'>,
): Promise<void> {
  await db
    .updateTable('rating_indicator_value')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Names by which objects of a type may be written in a file: name, full name, aliases (sites, clusters) or code and names (regions). */
export async function findObjectNames(
  db: Db,
  type: StoredObjectType,
): Promise<{ id: string; names: string[] }[]> {
  if (type === 'region') {
    const rows = await db
      .selectFrom('region')
      .select(['code', 'name', 'short_name', 'aliases'])
      .execute();
    return rows.map((r) => ({ id: r.code, names: [r.name, r.short_name, ...r.aliases] }));
  }
  const table = type === 'site' ? 'site' : 'cluster';
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name', 'full_name', 'aliases'])
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    names: [r.name, r.full_name ?? '', ...r.aliases].filter(Boolean),
  }));
}

export async function findExistingSourceIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('source_document').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Indicator codes of every stored methodology rating objects of these kinds. */
export async function findKnownIndicatorCodes(
  db: Db,
  methodologyObjectTypes: string[],
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('rating_methodology')
    .select('body')
    .where('object_type', 'in', methodologyObjectTypes)
    .execute();
  const codes = new Set<string>();
  for (const r of rows) {
    const indicators = (r.body as { indicators?: { code?: unknown }[] }).indicators ?? [];
    for (const i of indicators) if (typeof i.code === 'string') codes.add(i.code);
  }
  return codes;
}
