import { DATASET_MEASURES, type DatasetMeasure } from '@promatlas/core/domain/vocabulary.ts';
import { findDatasetsForExport } from '../exports.repository.ts';
import { idColumn, type ListExport } from '../list-export.ts';

type DatasetRow = Awaited<ReturnType<typeof findDatasetsForExport>>[number];

/** The statistical datasets, as the datasets page lists them, with the span of their years. */
export const datasetsExport: ListExport<Record<string, never>, DatasetRow> = {
  name: 'datasets',
  title: { ru: 'Наборы данных', en: 'Datasets' },
  columns: [
    idColumn(),
    { key: 'name', ru: 'Название', en: 'Name', type: 'text', width: 44, value: (r) => r.name },
    {
      key: 'measure',
      ru: 'Показатель',
      en: 'Measure',
      type: 'text',
      width: 18,
      value: (r, l) => DATASET_MEASURES.label(r.measure as DatasetMeasure, l),
    },
    { key: 'unit', ru: 'Единица', en: 'Unit', type: 'text', width: 14, value: (r) => r.unit },
    {
      key: 'firstYear',
      ru: 'С года',
      en: 'From year',
      type: 'integer',
      width: 8,
      value: (r) => (r.first_year === null ? null : Number(r.first_year)),
    },
    {
      key: 'lastYear',
      ru: 'По год',
      en: 'To year',
      type: 'integer',
      width: 8,
      value: (r) => (r.last_year === null ? null : Number(r.last_year)),
    },
    {
      key: 'values',
      ru: 'Значений',
      en: 'Values',
      type: 'integer',
      width: 10,
      value: (r) => Number(r.value_count),
    },
    {
      key: 'illustrative',
      ru: 'Иллюстративные данные',
      en: 'Illustrative',
      type: 'boolean',
      width: 12,
      value: (r) => r.illustrative,
    },
    {
      key: 'source',
      ru: 'Источник',
      en: 'Source',
      type: 'text',
      width: 50,
      value: (r) => r.source_text ?? r.provenance,
    },
    {
      key: 'sourceUrl',
      ru: 'Адрес источника',
      en: 'Source URL',
      type: 'text',
      width: 40,
      value: (r) => r.source_url,
    },
  ],
  async *batches(db) {
    const rows = await findDatasetsForExport(db);
    if (rows.length) yield rows;
  },
};
