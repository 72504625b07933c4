import { Link } from 'react-router';
import { listOrganisationsRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  DASH,
  vocabularyOptions,
  ListPage,
  type ListConfig,
} from '../../shared/components/ListPage.tsx';
import { RegionLink } from '../../shared/components/common.tsx';
import { ORGANISATION_KINDS, label } from '../../shared/lib/labels.ts';

const organisations: ListConfig<typeof listOrganisationsRoute> = {
  title: 'Организации',
  route: listOrganisationsRoute,
  rowKey: (o) => o.id,
  regionFilter: true,
  selects: [{ param: 'kind', label: 'Вид', options: vocabularyOptions(ORGANISATION_KINDS) }],
  columns: [
    {
      title: 'Название',
      sort: 'name',
      render: (o) => <Link to={`/organisations/${o.id}`}>{o.displayName}</Link>,
    },
    { title: 'Вид', render: (o) => label(ORGANISATION_KINDS, o.kind) },
    {
      title: 'Регион',
      sort: 'region',
      render: (o) => (o.region ? <RegionLink region={o.region} /> : DASH),
    },
    { title: 'Населённый пункт', render: (o) => o.town ?? DASH },
    { title: 'ИНН', sort: 'inn', render: (o) => o.inn ?? DASH },
  ],
};

export const OrganisationsList = () => <ListPage config={organisations} />;
