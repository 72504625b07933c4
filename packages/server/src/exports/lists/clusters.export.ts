import type { ClusterListItem } from '@promatlas/core/api/registry.schema.ts';
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  type ClusterKind,
  type ClusterStatus,
} from '@promatlas/core/domain/vocabulary.ts';
import { regionCodes } from '../../registry/shared/list-query.ts';
import { listClusters } from '../../clusters/registry/index.ts';
import {
  type ListExport,
  pagesOf,
  idColumn,
  type RegionalQuery,
  regionColumns,
} from '../list-export.ts';

export const clustersExport: ListExport<
  RegionalQuery & { kind?: ClusterKind | undefined; status?: ClusterStatus | undefined },
  ClusterListItem
> = {
  name: 'clusters',
  title: { ru: 'Кластеры', en: 'Clusters' },
  columns: [
    idColumn(),
    { key: 'name', ru: 'Название', en: 'Name', type: 'text', width: 44, value: (r) => r.name },
    {
      key: 'kind',
      ru: 'Вид',
      en: 'Kind',
      type: 'text',
      width: 24,
      value: (r, l) => CLUSTER_KINDS.label(r.kind, l),
    },
    {
      key: 'status',
      ru: 'Статус',
      en: 'Status',
      type: 'text',
      width: 14,
      value: (r, l) => CLUSTER_STATUSES.label(r.status, l),
    },
    ...regionColumns<ClusterListItem>(),
    {
      key: 'specialisation',
      ru: 'Специализация',
      en: 'Specialisation',
      type: 'text',
      width: 40,
      value: (r) => r.specialisation,
    },
  ],
  batches: (db, q, { batchSize }) =>
    pagesOf(
      (page, pageSize) =>
        listClusters(db, {
          filter: { regions: regionCodes(q.region), kind: q.kind, status: q.status, q: q.q },
          sort: q.sort,
          page,
          pageSize,
        }),
      batchSize,
    ),
};
