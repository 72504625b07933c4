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

export interface StatementExportFilter {
  regions: string[] | undefined;
  subjectType: string | undefined;
  property: string | undefined;
}

/**
 * One batch of statements (dated facts) in id order after the given id, with
 * what names their subject: the organisation's name, ИНН and region, the
 * region itself, or the site's or cluster's name and region. A keyset page,
 * so a registry of many facts is read a batch at a time.
 */
export async function findStatementsForExport(
  db: Db,
  filter: StatementExportFilter,
  afterId: number,
  limit: number,
) {
  const regionOf = sql<string | null>`coalesce(o.region_code, si.region_code, cl.region_code,
    CASE WHEN s.subject_type = 'region' THEN s.subject_id END)`;
  let query = db
    .selectFrom('statement as s')
    .leftJoin('organisation as o', (j) =>
      j.on('s.subject_type', '=', 'organisation').on(sql`o.id::text`, '=', sql.ref('s.subject_id')),
    )
    .leftJoin('site as si', (j) =>
      j.on('s.subject_type', '=', 'site').on(sql`si.id::text`, '=', sql.ref('s.subject_id')),
    )
    .leftJoin('cluster as cl', (j) =>
      j.on('s.subject_type', '=', 'cluster').on(sql`cl.id::text`, '=', sql.ref('s.subject_id')),
    )
    .leftJoin('region as r', (j) => j.on(sql.ref('r.code'), '=', regionOf))
    .leftJoin('source_document as d', 'd.id', 's.source_id')
    .select([
      's.id',
      's.subject_type',
      's.subject_id',
      's.property',
      's.value_number',
      's.value_text',
      's.unit',
      's.qualifier',
      's.valid_from',
      's.valid_to',
      's.valid_precision',
      'o.name as organisation_name',
      'o.legal_form as organisation_legal_form',
      'o.inn as organisation_inn',
      sql<string | null>`coalesce(si.name, cl.name)`.as('place_name'),
      regionOf.as('region_code'),
      'r.name as region_name',
      'd.title as source_title',
    ])
    .where('s.id', '>', afterId);
  if (filter.regions?.length) query = query.where(regionOf, 'in', filter.regions);
  if (filter.subjectType) query = query.where('s.subject_type', '=', filter.subjectType);
  if (filter.property)
    query = query.where(
      sql`lower(s.property)`,
      'like',
      `%${filter.property.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  return query.orderBy('s.id').limit(limit).execute();
}
