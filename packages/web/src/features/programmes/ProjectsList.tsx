import { Link } from 'react-router';
import { listProjectsRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  DASH,
  vocabularyOptions,
  ListPage,
  type ListConfig,
} from '../../shared/components/ListPage.tsx';
import { RegionLink } from '../../shared/components/common.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { PROJECT_KINDS, PROJECT_STATUSES, label } from '../../shared/lib/labels.ts';

const projects: ListConfig<typeof listProjectsRoute> = {
  title: 'Проекты и поддержка',
  route: listProjectsRoute,
  rowKey: (p) => p.id,
  regionFilter: true,
  selects: [{ param: 'kind', label: 'Вид проекта', options: vocabularyOptions(PROJECT_KINDS) }],
  columns: [
    {
      title: 'Название',
      sort: 'title',
      render: (p) => <Link to={`/projects/${p.id}`}>{p.title}</Link>,
    },
    { title: 'Вид', render: (p) => label(PROJECT_KINDS, p.kind) },
    { title: 'Статус', render: (p) => (p.status ? label(PROJECT_STATUSES, p.status) : DASH) },
    { title: 'Срок', render: (p) => formatDate(p.date) ?? DASH },
    { title: 'Регион', render: (p) => (p.region ? <RegionLink region={p.region} /> : DASH) },
  ],
};

export const ProjectsList = () => <ListPage config={projects} />;
