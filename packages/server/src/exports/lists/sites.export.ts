import type { SiteListItem } from '@promatlas/core/api/registry.schema.ts';
import {
  SEZ_TYPES,
  SITE_KINDS,
  type SezType,
  type SiteKind,
} from '@promatlas/core/domain/vocabulary.ts';
import { regionCodes } from '../../registry/shared/list-query.ts';
import { listSites } from '../../registry/sites/index.ts';
import { pointOf } from '../geojson-writer.ts';
import {
  type ListExport,
  pagesOf,
  idColumn,
  type RegionalQuery,
  regionColumns,
} from '../list-export.ts';

export const sitesExport: ListExport<
  RegionalQuery & { kind?: SiteKind | undefined; sezType?: SezType | undefined },
  SiteListItem
> = {
  name: 'sites',
  title: { ru: 'Площадки', en: 'Sites' },
  columns: [
    idColumn(),
    { key: 'name', ru: 'Название', en: 'Name', type: 'text', width: 44, value: (r) => r.name },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 22,
      value: (r, l) => SITE_KINDS.label(r.kind, l),
    },
    {
      key: 'sezType',
      ru: 'Тип ОЭЗ',
      en: 'SEZ type',
      type: 'text',
      width: 22,
      value: (r, l) => (r.sezType ? SEZ_TYPES.label(r.sezType, l) : null),
    },
    ...regionColumns<SiteListItem>(),
    {
      key: 'latitude',
      ru: 'Широта',
      en: 'Latitude',
      type: 'number',
      width: 11,
      value: (r) => r.latitude,
    },
    {
      key: 'longitude',
      ru: 'Долгота',
      en: 'Longitude',
      type: 'number',
      width: 11,
      value: (r) => r.longitude,
    },
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listSites(db, {
          filter: { regions: regionCodes(q.region), kind: q.kind, sezType: q.sezType, q: q.q },
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
  locate: pointOf,
};
