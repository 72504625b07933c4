import { Link } from 'react-router';
import { listRegionsRoute } from '@promatlas/core/api/contract/registry.ts';
import { FEDERAL_DISTRICTS } from '@promatlas/core/regions/federal-subjects.ts';
import { ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { formatNumber } from '../../shared/lib/format.ts';

const regions: ListConfig<typeof listRegionsRoute> = {
  title: 'Регионы',
  route: listRegionsRoute,
  rowKey: (r) => r.code,
  selects: [
    {
      param: 'federalDistrict',
      label: 'Федеральный округ',
      options: FEDERAL_DISTRICTS.map((d) => [d.code, d.fullName] as const),
    },
  ],
  columns: [
    {
      title: 'Субъект РФ',
      sort: 'name',
      render: (r) => <Link to={`/regions/${r.code}`}>{r.name}</Link>,
    },
    { title: 'Федеральный округ', render: (r) => r.federalDistrict.name },
    { title: 'Организации', className: 'num', render: (r) => formatNumber(r.counts.organisations) },
    { title: 'Площадки', className: 'num', render: (r) => formatNumber(r.counts.sites) },
    { title: 'Кластеры', className: 'num', render: (r) => formatNumber(r.counts.clusters) },
  ],
};

export const RegionsList = () => <ListPage config={regions} />;
