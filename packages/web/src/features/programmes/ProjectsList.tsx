import { Link } from 'react-router';
import { listProjectsRoute } from '@promatlas/core/api/contract/registry.ts';
import { PROJECT_KINDS, PROJECT_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { RegionLink } from '../../shared/components/common.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { LangToggle, useLang } from './i18n.tsx';

export function ProjectsList() {
  const { t, label, lang } = useLang();
  const projects: ListConfig<typeof listProjectsRoute> = {
    title: t('Проекты и поддержка', 'Projects and support'),
    route: listProjectsRoute,
    rowKey: (p) => p.id,
    regionFilter: true,
    intro: (
      <p className="list-actions">
        <LangToggle />
      </p>
    ),
    selects: [
      {
        param: 'kind',
        label: t('Вид проекта', 'Project kind'),
        options: Object.entries(lang === 'en' ? PROJECT_KINDS.labelsEn : PROJECT_KINDS.labels),
      },
    ],
    columns: [
      {
        title: t('Название', 'Title'),
        sort: 'title',
        render: (p) => <Link to={`/projects/${p.id}`}>{p.title}</Link>,
      },
      { title: t('Вид', 'Kind'), render: (p) => label(PROJECT_KINDS, p.kind) },
      {
        title: t('Статус', 'Status'),
        render: (p) => (p.status ? label(PROJECT_STATUSES, p.status) : DASH),
      },
      { title: t('Срок', 'Period'), render: (p) => formatDate(p.date) ?? DASH },
      {
        title: t('Регион', 'Region'),
        render: (p) => (p.region ? <RegionLink region={p.region} /> : DASH),
      },
    ],
  };
  return <ListPage config={projects} />;
}
