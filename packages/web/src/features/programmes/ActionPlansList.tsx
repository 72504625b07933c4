import { Link } from 'react-router';
import type { ActionPlanListItem } from '@promatlas/core/api/registry.schema.ts';
import { DASH, ListPage, type ListConfig } from '../../shared/components/ListPage.tsx';
import { formatDate } from '../../shared/lib/format.ts';

const actionPlans: ListConfig<ActionPlanListItem> = {
  title: 'Планы действий',
  endpoint: '/api/action-plans',
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
