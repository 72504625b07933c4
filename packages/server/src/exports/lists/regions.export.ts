import type { RegionListItem } from '@promatlas/core/api/registry.schema.ts';
import { listRegions } from '../../registry/regions/index.ts';
import { type ListExport, pagesOf } from '../list-export.ts';

export const regionsExport: ListExport<
  { federalDistrict?: string | undefined; q?: string | undefined; sort: string },
  RegionListItem
> = {
  name: 'regions',
  title: { ru: 'Регионы', en: 'Regions' },
  columns: [
    { key: 'code', ru: 'Код', en: 'Code', type: 'text', width: 8, value: (r) => r.code },
    {
      key: 'name',
      ru: 'Субъект РФ',
      en: 'Federal subject',
      type: 'text',
      width: 36,
      value: (r) => r.name,
    },
    { key: 'kind', ru: 'Вид', en: 'Kind', type: 'text', width: 16, value: (r) => r.kind },
    { key: 'okato', ru: 'ОКАТО', en: 'OKATO', type: 'text', width: 8, value: (r) => r.okato },
    { key: 'oktmo', ru: 'ОКТМО', en: 'OKTMO', type: 'text', width: 10, value: (r) => r.oktmo },
    {
      key: 'isoCode',
      ru: 'ISO 3166-2',
      en: 'ISO 3166-2',
      type: 'text',
      width: 10,
      value: (r) => r.isoCode,
    },
    {
      key: 'federalDistrict',
      ru: 'Федеральный округ',
      en: 'Federal district',
      type: 'text',
      width: 28,
      value: (r) => r.federalDistrict.name,
    },
    {
      key: 'organisations',
      ru: 'Организаций',
      en: 'Organisations',
      type: 'integer',
      value: (r) => r.counts.organisations,
    },
    { key: 'sites', ru: 'Площадок', en: 'Sites', type: 'integer', value: (r) => r.counts.sites },
    {
      key: 'clusters',
      ru: 'Кластеров',
      en: 'Clusters',
      type: 'integer',
      value: (r) => r.counts.clusters,
    },
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listRegions(db, {
          federalDistrict: q.federalDistrict,
          q: q.q,
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
};
