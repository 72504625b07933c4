import { createHash } from 'node:crypto';
import type { ImportResult } from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { Db } from '../db/connection.ts';
import { importDatasetFile } from '../datasets/index.ts';
import { insertDataset, updateProvenance } from '../datasets/index.ts';
import { importOkvedFile } from '../reference/index.ts';
import { readShippedFile, SHIPPED_FILES } from '../reference/index.ts';

/**
 * The real Rosstat table shipped with PromAtlas (reference/data/README.md):
 * organisations by federal subject × ОКВЭД2, 1 October of 2017–2022 (the file
 * has values for 2019–2022 only; the 2017 and 2018 columns are empty).
 */
export const ROSSTAT_ORG_COUNTS = {
  sourceSlug: 'rosstat-org-counts-by-region-okved2-2017-2022',
  sourceTitle:
    'Росстат: «Количество организаций по данным государственной регистрации с 2017 г.» (единица, всего), по субъектам РФ и ОКВЭД2, на 1 октября 2017–2022 гг.',
  publisher: 'Федеральная служба государственной статистики (Росстат)',
  datasetName: 'Росстат: количество организаций по субъектам РФ и видам деятельности ОКВЭД2',
  unit: 'единиц',
  measureText: 'количество организаций (по данным государственной регистрации, на 1 октября)',
} as const;

export interface DefaultStatisticsResult {
  /** ОКВЭД2 codes upserted from the shipped classifier; null when the full classifier was already there. */
  okvedCodes: number | null;
  /** The import of the Rosstat table; null when it was not loaded (already there, or the database has real datasets). */
  rosstat: { datasetId: number; import: ImportResult } | null;
}

/**
 * Loads the shipped official data into a database that lacks it: the full
 * ОКВЭД2 classifier (when only the sections and divisions that
 * sync-reference-data ships are present), then the Rosstat table of
 * organisations as a dataset with its source document. Idempotent and cheap
 * when done: the table is loaded once — not again after a user deletes the
 * dataset (its source document stays), and not into a database that already
 * holds real (non-illustrative) datasets, which would otherwise lose their
 * place as the default of the cluster pages to it.
 */
export async function loadDefaultStatistics(db: Db): Promise<DefaultStatisticsResult> {
  const deeper = await db
    .selectFrom('okved')
    .select('code')
    .where('level', 'not in', ['section', 'division'])
    .limit(1)
    .executeTakeFirst();
  const okvedCodes = deeper ? null : (await importOkvedFile(db, readShippedFile('okved2'))).total;

  const [source, realDataset] = await Promise.all([
    db
      .selectFrom('source_document')
      .select('id')
      .where('slug', '=', ROSSTAT_ORG_COUNTS.sourceSlug)
      .executeTakeFirst(),
    db
      .selectFrom('statistical_dataset')
      .select('id')
      .where('illustrative', '=', false)
      .limit(1)
      .executeTakeFirst(),
  ]);
  if (source || realDataset) return { okvedCodes, rosstat: null };
  return { okvedCodes, rosstat: await importRosstatOrgCounts(db) };
}

/**
 * The source document and the dataset in one transaction with the import: a
 * failed import leaves neither, and a second server starting on the same
 * PostgreSQL database at the same moment fails on the source slug's unique
 * key instead of adding the table twice.
 */
async function importRosstatOrgCounts(
  db: Db,
): Promise<{ datasetId: number; import: ImportResult }> {
  const bytes = readShippedFile('rosstatOrgCounts');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const today = new Date().toISOString().slice(0, 10);
  return db.transaction().execute(async (trx) => {
    const { id: sourceId } = await trx
      .insertInto('source_document')
      .values({
        slug: ROSSTAT_ORG_COUNTS.sourceSlug,
        kind: 'reference',
        title: ROSSTAT_ORG_COUNTS.sourceTitle,
        publisher: ROSSTAT_ORG_COUNTS.publisher,
        // The file carries no publication date (only the reference dates, 1 October of each year).
        published_from: null,
        published_to: null,
        published_precision: null,
        url: null,
        text: [
          `${ROSSTAT_ORG_COUNTS.sourceTitle}.`,
          `Показатель: ${ROSSTAT_ORG_COUNTS.measureText}; единица измерения: единица.`,
          'Разрезы: все формы собственности (строки «ВСЕГО (по всем формам собственности)»), субъекты Российской Федерации, разделы, классы и группы ОКВЭД2.',
          'Годы: 2017–2022 (в выгрузке значения есть за 2019–2022 гг.).',
          `Файл ${SHIPPED_FILES.rosstatOrgCounts} (SHA-256 ${sha256}) — выгрузка таблицы Росстата в том виде, в каком её отдаёт витрина; поставляется с PromAtlas как официальная статистическая информация (ГК РФ, ст. 1259, п. 6).`,
        ].join('\n'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const datasetId = await insertDataset(trx, {
      name: ROSSTAT_ORG_COUNTS.datasetName,
      description: `${ROSSTAT_ORG_COUNTS.measureText[0]!.toUpperCase()}${ROSSTAT_ORG_COUNTS.measureText.slice(1)}, по всем формам собственности. Коэффициенты локализации по этому набору считаются по числу организаций, а не по занятости.`,
      measure: 'establishments',
      unit: ROSSTAT_ORG_COUNTS.unit,
      region_level: 'federal_subject',
      industry_classification: 'okved2',
      source_id: sourceId,
      source_text: ROSSTAT_ORG_COUNTS.sourceTitle,
      source_url: null,
      provenance: null,
      illustrative: false,
    });
    const result = await importDatasetFile(
      trx,
      { id: datasetId, regionLevel: 'federal_subject', industryClassification: 'okved2' },
      { format: 'rosstat', bytes },
    );
    await updateProvenance(
      trx,
      datasetId,
      `Файл ${SHIPPED_FILES.rosstatOrgCounts} (SHA-256 ${sha256}), поставляемый с PromAtlas, импортирован при первом запуске ${today}: значений ${result.values}, отложено строк ${result.quarantined} (итоговые строки и области, включающие автономные округа)`,
    );
    return { datasetId, import: result };
  });
}
