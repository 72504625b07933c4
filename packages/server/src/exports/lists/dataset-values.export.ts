import type { Db } from '../../db/connection.ts';
import { getDataset } from '../../datasets/index.ts';
import { regionCodes } from '../../registry/shared/list-query.ts';
import { findDatasetValues, type DatasetValueKey } from '../exports.repository.ts';
import type { ListExport } from '../list-export.ts';

export interface DatasetValuesQuery {
  id: number;
  region?: string | undefined;
  industry?: string | undefined;
  year?: number | undefined;
}
type ValueRow = Awaited<ReturnType<typeof findDatasetValues>>[number] & { unit: string };

/**
 * A statistical dataset's values (region × ОКВЭД2 × year), filtered by
 * region, industry and year, read in keyset batches: a dataset of every
 * region and industry over many years never sits in memory at once.
 */
export const datasetValuesExport: ListExport<DatasetValuesQuery, ValueRow> = {
  name: 'dataset-values',
  title: { ru: 'Значения набора данных', en: 'Dataset values' },
  columns: [
    {
      key: 'regionCode',
      ru: 'Код региона',
      en: 'Region code',
      type: 'text',
      width: 12,
      value: (r) => r.region_code,
    },
    {
      key: 'region',
      ru: 'Регион',
      en: 'Region',
      type: 'text',
      width: 32,
      value: (r) => r.region_name,
    },
    {
      key: 'industryCode',
      ru: 'Код ОКВЭД2',
      en: 'OKVED2 code',
      type: 'text',
      width: 12,
      value: (r) => r.industry_code,
    },
    {
      key: 'industry',
      ru: 'Вид деятельности',
      en: 'Activity',
      type: 'text',
      width: 50,
      value: (r) => r.industry_name,
    },
    { key: 'year', ru: 'Год', en: 'Year', type: 'integer', width: 8, value: (r) => r.year },
    {
      key: 'value',
      ru: 'Значение',
      en: 'Value',
      type: 'number',
      width: 14,
      value: (r) => Number(r.value),
    },
    { key: 'unit', ru: 'Единица', en: 'Unit', type: 'text', width: 16, value: (r) => r.unit },
  ],
  async *batches(db: Db, q, { batchSize }) {
    // An unknown dataset is a 404 before anything is sent (the first batch is read early).
    const dataset = await getDataset(db, q.id);
    const filter = { regions: regionCodes(q.region), industry: q.industry, year: q.year };
    let after: DatasetValueKey | null = null;
    for (;;) {
      const rows = await findDatasetValues(db, q.id, filter, after, batchSize);
      if (rows.length) yield rows.map((r) => ({ ...r, unit: dataset.unit }));
      if (rows.length < batchSize) return;
      after = rows.at(-1)!;
    }
  },
};
