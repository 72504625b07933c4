import { Link } from 'react-router';
import { listSitesRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  DASH,
  vocabularyOptions,
  ListPage,
  type ListConfig,
} from '../../shared/components/ListPage.tsx';
import { RegionLink } from '../../shared/components/common.tsx';
import { SEZ_TYPES, SITE_KINDS, label } from '../../shared/lib/labels.ts';

const sites: ListConfig<typeof listSitesRoute> = {
  title: 'Площадки: ОЭЗ, технопарки, индустриальные парки',
  route: listSitesRoute,
  rowKey: (s) => s.id,
  regionFilter: true,
  selects: [
    { param: 'kind', label: 'Вид площадки', options: vocabularyOptions(SITE_KINDS) },
    { param: 'sezType', label: 'Тип ОЭЗ', options: vocabularyOptions(SEZ_TYPES) },
  ],
  columns: [
    { title: 'Название', sort: 'name', render: (s) => <Link to={`/sites/${s.id}`}>{s.name}</Link> },
    { title: 'Вид', render: (s) => label(SITE_KINDS, s.kind) },
    { title: 'Тип ОЭЗ', render: (s) => (s.sezType ? label(SEZ_TYPES, s.sezType) : DASH) },
    { title: 'Регион', render: (s) => (s.region ? <RegionLink region={s.region} /> : DASH) },
  ],
};

export const SitesList = () => <ListPage config={sites} />;
