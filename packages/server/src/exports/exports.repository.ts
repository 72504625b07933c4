import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** A position in the values of a dataset, in their export order: the last row of the previous batch. */
export interface DatasetValueKey {
  region_code: string;
  industry_code: string;
  year: number;
}

export interface DatasetValueFilter {
  regions: string[] | undefined;
  industry: string | undefined;
  year: number | undefined;
}

/**
 * One batch of a dataset's values with the region's and the industry's names,
 * ordered by region, industry and year, after the given key: a keyset page, so
 * each batch costs the same however deep into the dataset it is.
 */
export async function findDatasetValues(
  db: Db,
  datasetId: number,
  filter: DatasetValueFilter,
  after: DatasetValueKey | null,
  limit: number,
) {
  let query = db
    .selectFrom('dataset_value as v')
    .leftJoin('region as r', 'r.code', 'v.region_code')
    .leftJoin('okved as o', 'o.code', 'v.industry_code')
    .select([
      'v.region_code',
      'r.name as region_name',
      'v.industry_code',
      'o.name as industry_name',
      'v.year',
      'v.value',
    ])
    .where('v.dataset_id', '=', datasetId);
  if (filter.regions?.length) query = query.where('v.region_code', 'in', filter.regions);
  if (filter.industry) query = query.where('v.industry_code', '=', filter.industry);
  if (filter.year !== undefined) query = query.where('v.year', '=', filter.year);
  if (after)
    query = query.where((eb) =>
      eb(
        eb.refTuple('v.region_code', 'v.industry_code', 'v.year'),
        '>',
        eb.tuple(after.region_code, after.industry_code, after.year),
      ),
    );
  return query
    .orderBy('v.region_code')
    .orderBy('v.industry_code')
    .orderBy('v.year')
    .limit(limit)
    .execute();
}

/** The cluster categories with their ОКВЭД2 codes, in code order. */
export async function findClusterCategoriesWithCodes(db: Db) {
  const [categories, codes] = await Promise.all([
    db
      .selectFrom('cluster_category')
      .select(['code', 'name', 'type', 'description'])
      .orderBy('code')
      .execute(),
    db
      .selectFrom('cluster_category_okved')
      .select(['category_code', 'okved_code'])
      .orderBy('okved_code')
      .execute(),
  ]);
  return categories.map((c) => ({
    ...c,
    okved_codes: codes.filter((k) => k.category_code === c.code).map((k) => k.okved_code),
  }));
}

/** The statistical datasets readers may see (not one still being imported), as their list orders them. */
export async function findDatasetsForExport(db: Db) {
  return db
    .selectFrom('statistical_dataset as d')
    .where('d.import_pending', '=', false)
    .select([
      'd.id',
      'd.name',
      'd.measure',
      'd.unit',
      'd.illustrative',
      'd.source_text',
      'd.source_url',
      'd.provenance',
      sql<number>`(SELECT count(*)::int FROM dataset_value v WHERE v.dataset_id = d.id)`.as(
        'value_count',
      ),
      sql<number | null>`(SELECT min(v.year) FROM dataset_value v WHERE v.dataset_id = d.id)`.as(
        'first_year',
      ),
      sql<number | null>`(SELECT max(v.year) FROM dataset_value v WHERE v.dataset_id = d.id)`.as(
        'last_year',
      ),
    ])
    .orderBy('d.illustrative')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}
