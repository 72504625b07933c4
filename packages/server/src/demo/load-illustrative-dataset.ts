import type { Db } from '../db/connection.ts';
import { findDatasetByName, insertDataset, upsertValues } from '../datasets/index.ts';
import {
  ILLUSTRATIVE_DATASET,
  illustrativeClusterEmployment,
} from './illustrative-cluster-employment.ts';

/**
 * Loads the illustrative cluster-employment dataset (see
 * illustrative-cluster-employment.ts) unless a dataset of that name exists.
 * Returns the number of values loaded, or null when it was already there.
 */
export async function loadIllustrativeDataset(db: Db): Promise<number | null> {
  if (await findDatasetByName(db, ILLUSTRATIVE_DATASET.name)) return null;
  const values = illustrativeClusterEmployment();
  await db.transaction().execute(async (trx) => {
    const id = await insertDataset(trx, {
      name: ILLUSTRATIVE_DATASET.name,
      description: ILLUSTRATIVE_DATASET.description,
      measure: 'employment',
      unit: ILLUSTRATIVE_DATASET.unit,
      region_level: 'federal_subject',
      industry_classification: 'cluster_category',
      source_text: 'PromAtlas: сгенерированные иллюстративные данные (не реальная статистика)',
      provenance: `Сгенерировано кодом PromAtlas с зерном ${ILLUSTRATIVE_DATASET.seed} при первом запуске с демонстрационными данными`,
      illustrative: true,
    });
    await upsertValues(
      trx,
      id,
      values.map((v) => ({
        regionCode: v.regionCode,
        industryCode: v.categoryCode,
        year: v.year,
        value: v.value,
        line: null,
      })),
    );
  });
  return values.length;
}
