import { Link } from 'react-router';
import { listSourcesRoute } from '@promatlas/core/api/contract/registry.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { SOURCE_KINDS, label } from '../../shared/lib/labels.ts';

const sources: ListConfig<typeof listSourcesRoute> = {
  title: 'Источники',
  route: listSourcesRoute,
  rowKey: (s) => s.id,
  intro: (
    <p className="lead">
      Документы, из которых взяты сведения реестра. Каждый факт ссылается на предложение источника.
    </p>
  ),
  columns: [
    {
      title: 'Документ',
      sort: 'title',
      render: (s) => <Link to={`/sources/${s.id}`}>{s.title}</Link>,
    },
    { title: 'Вид', render: (s) => label(SOURCE_KINDS, s.kind) },
    { title: 'Издатель', render: (s) => s.publisher ?? DASH },
    { title: 'Дата', sort: 'date', render: (s) => formatDate(s.published) ?? DASH },
  ],
};

export const SourcesList = () => <ListPage config={sources} />;
