import { Link } from 'react-router';
import { listClustersRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  DASH,
  vocabularyOptions,
  ListPage,
  type ListConfig,
} from '../../shared/components/ListPage.tsx';
import { RegionLink } from '../../shared/components/common.tsx';
import { CLUSTER_KINDS, CLUSTER_STATUSES, label } from '../../shared/lib/labels.ts';

const clusters: ListConfig<typeof listClustersRoute> = {
  title: 'Кластеры',
  route: listClustersRoute,
  rowKey: (c) => c.id,
  regionFilter: true,
  selects: [
    { param: 'kind', label: 'Вид кластера', options: vocabularyOptions(CLUSTER_KINDS) },
    { param: 'status', label: 'Статус', options: vocabularyOptions(CLUSTER_STATUSES) },
  ],
  columns: [
    {
      title: 'Название',
      sort: 'name',
      render: (c) => <Link to={`/clusters/${c.id}`}>{c.name}</Link>,
    },
    { title: 'Вид', render: (c) => label(CLUSTER_KINDS, c.kind) },
    { title: 'Статус', render: (c) => label(CLUSTER_STATUSES, c.status) },
    { title: 'Специализация', render: (c) => c.specialisation ?? DASH },
    { title: 'Регион', render: (c) => (c.region ? <RegionLink region={c.region} /> : DASH) },
  ],
};

export const ClustersList = () => <ListPage config={clusters} />;
