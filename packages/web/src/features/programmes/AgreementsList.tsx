import { Link } from 'react-router';
import { listAgreementsRoute } from '@promatlas/core/api/contract/registry.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { formatDate } from '../../shared/lib/format.ts';

const agreements: ListConfig<typeof listAgreementsRoute> = {
  title: 'Соглашения',
  route: listAgreementsRoute,
  rowKey: (a) => a.id,
  regionFilter: true,
  columns: [
    { title: 'Дата', sort: 'date', render: (a) => formatDate(a.date) ?? DASH },
    {
      title: 'Название',
      sort: 'title',
      render: (a) => <Link to={`/agreements/${a.id}`}>{a.title}</Link>,
    },
    { title: 'Стороны', render: (a) => a.parties.join('; ') || DASH },
  ],
};

export const AgreementsList = () => <ListPage config={agreements} />;
