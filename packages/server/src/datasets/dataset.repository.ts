import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';
import type { StatisticalDatasetTable } from './dataset.table.ts';
import type { QuarantineEntry } from './import/source-rows.ts';
import type { MatchedValue } from './import/match-source-rows.ts';
import type { QuarantineReason } from '@promatlas/core/domain/vocabulary.ts';

type Executor = Db | Transaction<Database>;

export interface DatasetRow {
  id: number;
  name: string;
  description: string | null;
  measure: string;
  unit: string;
  region_level: string;
  industry_classification: string;
  source_id: number | null;
  source_text: string | null;
  source_url: string | null;
  provenance: string | null;
  illustrative: boolean;
  created_at: Date;
  value_count: number;
  years: number[];
}

/** Datasets readers may see: not one whose batched import is still being written. */
function datasetQuery(db: Executor) {
  return db
    .selectFrom('statistical_dataset as d')
    .where('d.import_pending', '=', false)
    .selectAll('d')
    .select([
      sql<number>`(SELECT count(*) FROM dataset_value v WHERE v.dataset_id = d.id)`.as(
        'value_count',
      ),
      sql<
        number[]
      >`coalesce((SELECT array_agg(DISTINCT v.year ORDER BY v.year) FROM dataset_value v WHERE v.dataset_id = d.id), '{}')`.as(
        'years',
      ),
    ]);
}

export async function findDatasets(db: Executor): Promise<DatasetRow[]> {
  return (await datasetQuery(db)
    .orderBy('d.illustrative')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute()) as unknown as DatasetRow[];
}

export async function getDatasetRow(db: Executor, id: number): Promise<DatasetRow | undefined> {
  return (await datasetQuery(db).where('d.id', '=', id).executeTakeFirst()) as unknown as
    DatasetRow | undefined;
}

export async function findDatasetByName(
  db: Executor,
  name: string,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('statistical_dataset')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertDataset(
  db: Executor,
  row: Insertable<StatisticalDatasetTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('statistical_dataset')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateProvenance(
  db: Executor,
  id: number,
  provenance: string,
): Promise<void> {
  await db.updateTable('statistical_dataset').set({ provenance }).where('id', '=', id).execute();
}

/** The last batch of a pending import is in: the dataset becomes visible. */
export async function completeDatasetImport(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('statistical_dataset')
    .set({ import_pending: false })
    .where('id', '=', id)
    .execute();
}

/**
 * Removes datasets whose batched import never completed (the process stopped
 * mid-import), with their values and quarantine rows. Run at start, while no
 * import can be running: batched imports are the embedded database's, which
 * one process at a time opens.
 */
export async function removeInterruptedImports(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom('statistical_dataset')
    .where('import_pending', '=', true)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteDatasetRow(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('statistical_dataset').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Upserts values on the dataset × region × industry × year key, 1,000 rows a statement. */
export async function upsertValues(
  db: Executor,
  datasetId: number,
  values: readonly MatchedValue[],
): Promise<number> {
  let written = 0;
  for (let k = 0; k < values.length; k += 1000) {
    const chunk = values.slice(k, k + 1000).map((v) => ({
      dataset_id: datasetId,
      region_code: v.regionCode,
      industry_code: v.industryCode,
      year: v.year,
      value: v.value,
      source_line: v.line,
    }));
    const result = await db
      .insertInto('dataset_value')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['dataset_id', 'region_code', 'industry_code', 'year']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          source_line: eb.ref('excluded.source_line'),
        })),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

/** Replaces the quarantine rows of one file (by its SHA-256) in a dataset. */
export async function replaceQuarantine(
  db: Executor,
  datasetId: number,
  fileSha256: string,
  entries: readonly QuarantineEntry[],
  batch = 1000,
): Promise<void> {
  await db
    .deleteFrom('dataset_quarantine_row')
    .where('dataset_id', '=', datasetId)
    .where('file_sha256', '=', fileSha256)
    .execute();
  for (let k = 0; k < entries.length; k += batch) {
    await db
      .insertInto('dataset_quarantine_row')
      .values(
        entries.slice(k, k + batch).map((e) => ({
          dataset_id: datasetId,
          file_sha256: fileSha256,
          line: e.line,
          raw: JSON.stringify(e.raw),
          reason_code: e.reasonCode,
          reason: e.reason,
        })),
      )
      .execute();
    await nextTurn();
  }
}

export async function findQuarantine(
  db: Executor,
  datasetId: number,
  limit: number,
  offset: number,
) {
  const rows = await db
    .selectFrom('dataset_quarantine_row')
    .select(['id', 'line', 'raw', 'reason_code', 'reason'])
    .where('dataset_id', '=', datasetId)
    .orderBy('line')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  const { n } = await db
    .selectFrom('dataset_quarantine_row')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirstOrThrow();
  return {
    rows: rows as {
      id: number;
      line: number;
      raw: Record<string, string>;
      reason_code: QuarantineReason;
      reason: string;
    }[],
    total: Number(n),
  };
}

export async function quarantineCounts(db: Executor, datasetId: number) {
  return db
    .selectFrom('dataset_quarantine_row')
    .select(['reason_code', (eb) => eb.fn.countAll<number>().as('rows')])
    .where('dataset_id', '=', datasetId)
    .groupBy('reason_code')
    .orderBy('reason_code')
    .execute();
}

export async function yearCounts(db: Executor, datasetId: number) {
  return db
    .selectFrom('dataset_value')
    .select([
      'year',
      (eb) => eb.fn.countAll<number>().as('values'),
      sql<number>`count(DISTINCT region_code)`.as('regions'),
    ])
    .where('dataset_id', '=', datasetId)
    .groupBy('year')
    .orderBy('year')
    .execute();
}

export async function industryCounts(db: Executor, datasetId: number) {
  return db
    .selectFrom('dataset_value')
    .select(['industry_code', (eb) => eb.fn.countAll<number>().as('values')])
    .where('dataset_id', '=', datasetId)
    .groupBy('industry_code')
    .orderBy('industry_code')
    .execute();
}

export async function regionCount(db: Executor, datasetId: number): Promise<number> {
  const { n } = await db
    .selectFrom('dataset_value')
    .select(sql<number>`count(DISTINCT region_code)`.as('n'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Values of some years of a dataset. */
export async function loadValues(db: Executor, datasetId: number, years: readonly number[]) {
  if (years.length === 0) return [];
  return db
    .selectFrom('dataset_value')
    .select(['region_code', 'industry_code', 'year', 'value'])
    .where('dataset_id', '=', datasetId)
    .where('year', 'in', [...years])
    .execute();
}

export async function loadOkvedReference(db: Executor) {
  return db.selectFrom('okved').select(['code', 'name', 'level', 'section']).execute();
}

export async function loadOkvedNames(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('okved')
    .select(['code', 'name'])
    .where('code', 'in', [...codes])
    .execute();
}

export async function loadCategories(db: Executor) {
  return db
    .selectFrom('cluster_category')
    .select(['code', 'name', 'type'])
    .orderBy('code')
    .execute();
}

export async function loadCategoryMapping(db: Executor) {
  return db.selectFrom('cluster_category_okved').select(['okved_code', 'category_code']).execute();
}
