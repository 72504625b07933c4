import { Link } from 'react-router';
import { listActionPlansRoute } from '@promatlas/core/api/contract/registry.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { formatDate } from '../../shared/lib/format.ts';

const actionPlans: ListConfig<typeof listActionPlansRoute> = {
  title: 'Планы действий',
  route: listActionPlansRoute,
  rowKey: (p) => p.id,
  regionFilter: true,
  columns: [
    { title: 'Период', sort: 'date', render: (p) => formatDate(p.period) ?? DASH },
    {
      title: 'Название',
      sort: 'title',
      render: (p) => <Link to={`/action-plans/${p.id}`}>{p.title}</Link>,
    },
    { title: 'Направления', render: (p) => p.themes.join('; ') || DASH },
  ],
};

export const ActionPlansList = () => <ListPage config={actionPlans} />;
