import type { IndicatorValueList } from '@promatlas/core/api/ratings.schema.ts';
import { ENTITY_TYPES } from '@promatlas/core/domain/vocabulary.ts';
import { listIndicatorValues } from '../../ratings/index.ts';
import type { ListExport } from '../list-export.ts';

export interface IndicatorValuesQuery {
  dataset?: string | undefined;
  year?: number | undefined;
  objectType?: 'site' | 'cluster' | 'region' | undefined;
  objectId?: string | undefined;
}
type ValueRow = IndicatorValueList['items'][number];

const PROVENANCE = {
  import: { ru: 'импорт', en: 'import' },
  illustrative: { ru: 'иллюстративные данные', en: 'illustrative' },
  manual: { ru: 'внесено вручную', en: 'manual' },
} as const;

/** The rating indicator values with their provenance, filtered as the values page filters them. */
export const indicatorValuesExport: ListExport<IndicatorValuesQuery, ValueRow> = {
  name: 'indicator-values',
  title: { ru: 'Значения показателей', en: 'Indicator values' },
  columns: [
    {
      key: 'dataset',
      ru: 'Набор',
      en: 'Dataset',
      type: 'text',
      width: 16,
      value: (r) => r.dataset,
    },
    {
      key: 'objectType',
      ru: 'Тип объекта',
      en: 'Object type',
      type: 'text',
      width: 14,
      value: (r, l) => ENTITY_TYPES.label(r.object.type, l),
    },
    {
      key: 'objectId',
      ru: 'Идентификатор объекта',
      en: 'Object ID',
      type: 'text',
      width: 12,
      value: (r) => r.object.id,
    },
    {
      key: 'object',
      ru: 'Объект',
      en: 'Object',
      type: 'text',
      width: 44,
      value: (r) => r.object.title,
    },
    {
      key: 'indicator',
      ru: 'Показатель',
      en: 'Indicator',
      type: 'text',
      width: 30,
      value: (r) => r.indicator,
    },
    { key: 'year', ru: 'Год', en: 'Year', type: 'integer', width: 8, value: (r) => r.year },
    { key: 'value', ru: 'Значение', en: 'Value', type: 'number', width: 14, value: (r) => r.value },
    {
      key: 'provenance',
      ru: 'Происхождение',
      en: 'Provenance',
      type: 'text',
      width: 20,
      value: (r, l) => PROVENANCE[r.provenance][l],
    },
    {
      key: 'source',
      ru: 'Источник',
      en: 'Source',
      type: 'text',
      width: 40,
      value: (r) => r.source?.title ?? r.sourceText,
    },
  ],
  async *batches(db, q) {
    const { items } = await listIndicatorValues(db, q);
    if (items.length) yield items;
  },
};
